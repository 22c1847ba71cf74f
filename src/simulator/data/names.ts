/** Vocabulary for the generated co-working organisation: cities, people, companies, rooms. */

/** An office location the generator can open; the first six are the default footprint. */
export interface CitySeed {
  city: string;
  area: string;
  code: string;
  timezone: string;
  country: string;
  state: string | null;
  street: string;
  zip: string;
  currency: string;
  /** Sales tax / VAT percent applied on invoice lines. */
  vat: number;
  /** Relative size of the site (members, bookings). */
  weight: number;
}

export const CITIES: readonly CitySeed[] = [
  { city: 'London', area: 'Shoreditch', code: 'LON', timezone: 'Europe/London', country: 'GB', state: null, street: '12 Paul Street', zip: 'EC2A 4JH', currency: 'GBP', vat: 20, weight: 1.6 },
  { city: 'Lisbon', area: 'Cais do Sodré', code: 'LIS', timezone: 'Europe/Lisbon', country: 'PT', state: null, street: 'Rua da Boavista 71', zip: '1200-066', currency: 'EUR', vat: 23, weight: 1 },
  { city: 'New York', area: 'Flatiron', code: 'NYC', timezone: 'America/New_York', country: 'US', state: 'NY', street: '120 Fifth Avenue', zip: '10011', currency: 'USD', vat: 0, weight: 1.5 },
  { city: 'Vancouver', area: 'Gastown', code: 'VAN', timezone: 'America/Vancouver', country: 'CA', state: 'BC', street: '55 Water Street', zip: 'V6B 1A1', currency: 'CAD', vat: 5, weight: 0.9 },
  { city: 'Berlin', area: 'Mitte', code: 'BER', timezone: 'Europe/Berlin', country: 'DE', state: null, street: 'Torstraße 109', zip: '10119', currency: 'EUR', vat: 19, weight: 1.1 },
  { city: 'Austin', area: 'East Austin', code: 'AUS', timezone: 'America/Chicago', country: 'US', state: 'TX', street: '1100 East 5th Street', zip: '78702', currency: 'USD', vat: 8.25, weight: 0.8 },
  { city: 'Manchester', area: 'Northern Quarter', code: 'MAN', timezone: 'Europe/London', country: 'GB', state: null, street: '44 Oldham Street', zip: 'M4 1LE', currency: 'GBP', vat: 20, weight: 0.7 },
  { city: 'Porto', area: 'Baixa', code: 'OPO', timezone: 'Europe/Lisbon', country: 'PT', state: null, street: 'Rua de Ceuta 48', zip: '4050-190', currency: 'EUR', vat: 23, weight: 0.6 },
  { city: 'Toronto', area: 'King West', code: 'TOR', timezone: 'America/Toronto', country: 'CA', state: 'ON', street: '460 King Street West', zip: 'M5V 1L7', currency: 'CAD', vat: 13, weight: 0.9 },
  { city: 'Amsterdam', area: 'De Pijp', code: 'AMS', timezone: 'Europe/Amsterdam', country: 'NL', state: null, street: 'Ferdinand Bolstraat 20', zip: '1072 LJ', currency: 'EUR', vat: 21, weight: 0.8 },
  { city: 'Brooklyn', area: 'DUMBO', code: 'BKN', timezone: 'America/New_York', country: 'US', state: 'NY', street: '55 Washington Street', zip: '11201', currency: 'USD', vat: 0, weight: 0.8 },
  { city: 'Sydney', area: 'Surry Hills', code: 'SYD', timezone: 'Australia/Sydney', country: 'AU', state: 'NSW', street: '80 Commonwealth Street', zip: '2010', currency: 'AUD', vat: 10, weight: 0.7 },
];

export const FIRST_NAMES = [
  'Olivia', 'Liam', 'Amelia', 'Noah', 'Isla', 'Oliver', 'Ava', 'Elijah', 'Mia', 'James', 'Sofia', 'Lucas',
  'Beatriz', 'João', 'Inês', 'Tiago', 'Mariana', 'Rui', 'Leonor', 'Duarte', 'Hannah', 'Lukas', 'Lea', 'Felix',
  'Emma', 'Jonas', 'Clara', 'Maximilian', 'Chloé', 'Hugo', 'Priya', 'Arjun', 'Aisha', 'Omar', 'Yuki', 'Haruto',
  'Mei', 'Wei', 'Chloe', 'Ethan', 'Grace', 'Mason', 'Zoe', 'Logan', 'Harper', 'Aiden', 'Nora', 'Caleb',
  'Freya', 'Theo', 'Ivy', 'Arthur', 'Maya', 'Leo', 'Ruby', 'Finn', 'Sienna', 'Oscar', 'Layla', 'Ezra',
  'Camila', 'Mateo', 'Valentina', 'Santiago', 'Fatima', 'Yusuf', 'Anika', 'Ravi', 'Sara', 'Daniel', 'Julia', 'Marco',
] as const;

export const LAST_NAMES = [
  'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Patel', 'Khan', 'Silva', 'Santos',
  'Ferreira', 'Pereira', 'Costa', 'Oliveira', 'Rodrigues', 'Martins', 'Müller', 'Schmidt', 'Schneider', 'Fischer',
  'Weber', 'Becker', 'Garcia', 'Martinez', 'Lopez', 'Nguyen', 'Kim', 'Chen', 'Wang', 'Singh', 'Sato', 'Tanaka',
  'Anderson', 'Thomas', 'Jackson', 'White', 'Harris', 'Clark', 'Lewis', 'Walker', 'Hall', 'Young', 'King', 'Wright',
  'Scott', 'Green', 'Baker', 'Adams', 'Nelson', 'Hill', 'Campbell', 'Mitchell', 'Roberts', 'Carter', 'Murphy', 'Kelly',
  'Byrne', "O'Brien", 'Moreau', 'Laurent', 'Dubois', 'Rossi', 'Russo', 'Bianchi', 'Novak', 'Kowalski', 'Jansen', 'de Vries',
] as const;

export const COMPANY_PREFIXES = [
  'Blue', 'North', 'Pixel', 'Quantum', 'Harbor', 'Copper', 'Orbit', 'Maple', 'Lumen', 'Atlas', 'Cedar', 'Nimbus',
  'Vertex', 'Kite', 'Juniper', 'Ember', 'Summit', 'Tidal', 'Foxglove', 'Ironwood', 'Helix', 'Beacon', 'Saffron', 'Granite',
  'Willow', 'Zephyr', 'Cobalt', 'Meridian', 'Aurora', 'Driftwood', 'Fable', 'Solstice', 'Pioneer', 'Oak', 'Signal', 'Prism',
  'Rook', 'Lattice', 'Canvas', 'Nova',
] as const;

export const COMPANY_SUFFIXES = [
  'Labs', 'Studio', 'Partners', 'Analytics', 'Digital', 'Ventures', 'Design', 'Collective', 'Health', 'Robotics',
  'Media', 'Legal', 'Capital', 'Systems', 'Works', 'Foods', 'Energy', 'Logistics', 'Consulting', 'Games',
] as const;

export const INDUSTRIES = ['Software', 'Design', 'Finance', 'Legal', 'Media', 'Health', 'Consulting', 'Retail', 'Non-profit'] as const;

export const ROOM_NAMES = [
  'Ada', 'Turing', 'Hopper', 'Curie', 'Tesla', 'Darwin', 'Newton', 'Lovelace', 'Faraday', 'Hubble', 'Galileo', 'Kepler',
  'Noether', 'Franklin', 'Bohr', 'Meitner', 'Hawking', 'Sagan', 'Goodall', 'Attenborough',
] as const;

export const BOOKING_SUMMARIES = [
  'Team sync', 'Client meeting', 'Interview', 'Sprint planning', 'Board meeting', '1:1', 'Workshop', 'Investor call',
  'Product demo', 'Retrospective', 'Design review', 'Training session', 'All hands', 'Sales call', 'Brainstorm',
  'Quarterly review', 'Onboarding', 'Focus time', 'Partner meeting', 'Strategy offsite',
] as const;

export const ISSUE_SUBJECTS = [
  'Wi-Fi keeps dropping', 'Air conditioning too cold', 'Printer out of toner', 'Key card not working',
  'Meeting room screen will not connect', 'Coffee machine broken', 'Noise from the phone booths', 'Locker key lost',
  'Parcel not received', 'Heating not working', 'Desk chair broken', 'Invoice question', 'Light flickering',
  'Dishwasher leaking', 'Request for extra monitor', 'Booking calendar out of sync',
] as const;

export const CHARGE_ACCOUNTS = ['Stripe Card', 'Bank Transfer', 'GoCardless', 'Cash'] as const;
