/**
 * Physical catalogue: offices (§6.12), resource types (§6.18), floors (§6.8) and resources (§6.17).
 * v1 resources point at their floor through `room` and at their rate through `rate` (§6.8, §6.17).
 */

import type { WireFloor, WireOffice, WireResource, WireResourceType } from '../../officernd/types.ts';
import type { GenContext } from './context.ts';
import { pushTo } from './maps.ts';
import { CITIES, ROOM_NAMES } from './names.ts';
import type { Pricing } from './pricing.ts';
import { DAY, dateOnly, iso } from './time.ts';

/** An office plus the facts the generator needs about it (zone, currency, tax, size). */
export interface OfficeSite {
  office: WireOffice;
  city: string;
  code: string;
  timezone: string;
  currency: string;
  vat: number;
  weight: number;
  priceLevel: number;
  openedAt: number;
}

/** Fixed resource-type catalogue; `type` is what resource.type matches (§6.18, §7). */
const RESOURCE_TYPE_SEEDS = [
  {
    type: 'meeting_room',
    title: 'Meeting Room',
    color: '#8bc34a',
    icon: 'meeting-room',
    canBook: true,
    canAssign: false,
    primary: true,
    isSystem: true,
    bookingMode: 'time',
    checkinMode: 'hour',
  },
  {
    type: 'team_room',
    title: 'Private Office',
    color: '#3f51b5',
    icon: 'team-room',
    canBook: true,
    canAssign: true,
    primary: true,
    isSystem: true,
    bookingMode: 'time',
    checkinMode: 'day',
  },
  {
    type: 'desk_tr',
    title: 'Desk in Private Office',
    color: '#5c6bc0',
    icon: 'desk',
    canBook: false,
    canAssign: true,
    primary: false,
    isSystem: true,
    bookingMode: 'date',
    checkinMode: 'day',
  },
  {
    type: 'desk',
    title: 'Dedicated Desk',
    color: '#ff9800',
    icon: 'desk',
    canBook: true,
    canAssign: true,
    primary: true,
    isSystem: true,
    bookingMode: 'date',
    checkinMode: 'day',
  },
  {
    type: 'hotdesk',
    title: 'Hot Desk',
    color: '#f44336',
    icon: 'hotdesk',
    canBook: true,
    canAssign: false,
    primary: true,
    isSystem: true,
    bookingMode: 'date',
    checkinMode: 'day',
  },
  {
    type: 'desk_na',
    title: 'Unassignable Desk',
    color: '#9e9e9e',
    icon: 'desk',
    canBook: false,
    canAssign: false,
    primary: false,
    isSystem: true,
    bookingMode: 'date',
    checkinMode: 'day',
  },
  {
    type: 'phone_booth',
    title: 'Phone Booth',
    color: '#009688',
    icon: 'phone',
    canBook: true,
    canAssign: false,
    primary: false,
    isSystem: false,
    bookingMode: 'time',
    checkinMode: 'hour',
  },
  {
    type: 'event_space',
    title: 'Event Space',
    color: '#9c27b0',
    icon: 'event',
    canBook: true,
    canAssign: false,
    primary: false,
    isSystem: false,
    bookingMode: 'time',
    checkinMode: 'half_day',
  },
] as const;

const RESOURCE_MIX: readonly (readonly [string, number])[] = [
  ['meeting_room', 14],
  ['team_room', 16],
  ['desk_tr', 18],
  ['desk', 20],
  ['hotdesk', 18],
  ['phone_booth', 6],
  ['desk_na', 5],
  ['event_space', 3],
];

const FLOOR_NAMES = ['Ground Floor', '1st Floor', '2nd Floor', '3rd Floor', '4th Floor', '5th Floor'] as const;

const slugify = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** Opens the org's offices: about six at scale 1, growing slowly with scale. */
export function createOffices(ctx: GenContext, foundedAt: number): OfficeSite[] {
  const rnd = ctx.random('offices');
  const count = Math.min(CITIES.length, Math.max(2, Math.round(6 * ctx.scale ** 0.3)));
  // Every office is open at least 14 months before now, so a full year of activity exists.
  const lastOpening = ctx.now - 430 * DAY;
  const step = (lastOpening - foundedAt) / Math.max(1, count - 1);
  return CITIES.slice(0, count).map((seed, index) => {
    const openedAt = Math.round(foundedAt + index * step + (index > 0 ? rnd.int(-20, 0) * DAY : 0));
    const name = `${seed.city} ${seed.area}`;
    const office: WireOffice = {
      _id: ctx.newId(openedAt),
      name,
      slug: slugify(name),
      address: `${seed.street}, ${seed.city} ${seed.zip}`,
      city: seed.city,
      country: seed.country,
      zip: seed.zip,
      timezone: seed.timezone,
      isOpen: true,
      public: true,
      description: `Flexible workspace in ${seed.area}, ${seed.city}.`,
      code: seed.code,
      order: index,
      ...ctx.stamps(rnd, openedAt),
    };
    if (seed.state) office.state = seed.state;
    if (rnd.chance(0.7)) office.image = `https://cdn.example.com/offices/${office.slug}.jpg`;
    if (rnd.chance(0.5)) {
      office.targetRevenuePerPeriod = {
        target: Math.round(seed.weight * 80) * 1000,
        startDate: dateOnly(Date.UTC(new Date(ctx.now).getUTCFullYear(), 0, 1)),
        endDate: dateOnly(Date.UTC(new Date(ctx.now).getUTCFullYear(), 11, 31)),
      };
    }
    return {
      office,
      city: seed.city,
      code: seed.code,
      timezone: seed.timezone,
      currency: seed.currency,
      vat: seed.vat,
      weight: seed.weight,
      priceLevel: Math.round((0.75 + seed.weight * 0.3) * 100) / 100,
      openedAt,
    };
  });
}

/** The fixed resource-type catalogue, keyed by `id` as in v1 (§6.18). */
export function createResourceTypes(ctx: GenContext, foundedAt: number): WireResourceType[] {
  return RESOURCE_TYPE_SEEDS.map((seed, index) => ({
    id: ctx.newId(foundedAt + index * 1000),
    type: seed.type,
    title: seed.title,
    color: seed.color,
    icon: seed.icon,
    canBook: seed.canBook,
    canAssign: seed.canAssign,
    primary: seed.primary,
    isSystem: seed.isSystem,
    bookingMode: seed.bookingMode,
    checkinMode: seed.checkinMode,
    hierarchicalResourcesEnabled: seed.type === 'team_room',
    organization: ctx.orgId,
  }));
}

export interface Spaces {
  floors: WireFloor[];
  resources: WireResource[];
  /** Bookable resources per office id. */
  bookable: Map<string, WireResource[]>;
  /** Private offices (team rooms) per office id. */
  teamRooms: Map<string, WireResource[]>;
}

/** Floors per office and resources per floor (~300 resources at scale 1, linear in scale). */
export function createSpaces(ctx: GenContext, sites: readonly OfficeSite[], pricing: Pricing): Spaces {
  const rnd = ctx.random('spaces');
  const floors: WireFloor[] = [];
  const floorSite: OfficeSite[] = [];
  for (const site of sites) {
    const count = ctx.scale < 0.3 ? rnd.int(1, 3) : rnd.int(2, 5);
    for (let n = 0; n < count; n += 1) {
      const createdMs = site.openedAt + rnd.int(0, 10) * DAY + rnd.int(0, 86_399) * 1000;
      const name = FLOOR_NAMES[n] ?? `${n}th Floor`;
      const floor: WireFloor = {
        background: {
          height: rnd.int(18_000, 30_000),
          width: rnd.int(35_000, 55_000),
          measured: true,
          uri: `https://cdn.example.com/floors/${site.code.toLowerCase()}-${n}.svg`,
        },
        isOpen: true,
        versions: [],
        _id: ctx.newId(createdMs),
        floor: String(n),
        name,
        slug: slugify(name),
        area: rnd.int(350, 1600) * 1_000_000,
        office: site.office._id,
        exported: [],
        __v: 0,
        ...ctx.stamps(rnd, createdMs),
      };
      floors.push(floor);
      floorSite.push(site);
    }
  }

  const ratesByType = new Map<string, string[]>();
  for (const info of pricing.rates) {
    const local = info.rate.locations ?? [];
    const key = local.length === 1 ? `${info.resourceType}|${local[0]}` : info.resourceType;
    pushTo(ratesByType, key, info.rate._id);
  }

  const target = Math.max(floors.length * 4, Math.round(300 * ctx.scale));
  const totalWeight = floorSite.reduce((sum, site) => sum + site.weight, 0);
  const resources: WireResource[] = [];
  const bookable = new Map<string, WireResource[]>();
  const teamRooms = new Map<string, WireResource[]>();
  const counters = new Map<string, number>();
  const nextNumber = (key: string): number => {
    const value = (counters.get(key) ?? 0) + 1;
    counters.set(key, value);
    return value;
  };

  floors.forEach((floor, floorIndex) => {
    const site = floorSite[floorIndex] as OfficeSite;
    const officeId = site.office._id;
    const count = Math.max(4, Math.round((target * site.weight) / totalWeight));
    const floorCreated = Date.parse(floor.createdAt ?? iso(site.openedAt));
    const roomsOnFloor: WireResource[] = [];
    for (let i = 0; i < count; i += 1) {
      // The first floor of every office always has a meeting room and hot desks to book.
      let type = i === 0 ? 'meeting_room' : i === 1 ? 'hotdesk' : rnd.weighted(RESOURCE_MIX);
      if (type === 'desk_tr' && roomsOnFloor.length === 0) type = 'desk';
      if (type === 'event_space' && (counters.get(`${officeId}|event_space`) ?? 0) >= 1) type = 'meeting_room';
      const number = nextNumber(`${officeId}|${type}`);
      const createdMs = floorCreated + rnd.int(0, 20) * DAY + rnd.int(0, 86_399) * 1000;
      const parent = type === 'desk_tr' ? rnd.pick(roomsOnFloor) : undefined;
      const size =
        type === 'meeting_room'
          ? rnd.pick([4, 6, 8, 10, 12, 16])
          : type === 'team_room'
            ? rnd.int(2, 16)
            : type === 'event_space'
              ? 60
              : 1;
      const rateChoices =
        type === 'meeting_room'
          ? [...(ratesByType.get('meeting_room') ?? []), ...(ratesByType.get(`meeting_room|${officeId}`) ?? [])]
          : (ratesByType.get(type) ?? []);
      const rate = rateChoices.length > 0 ? rnd.pick(rateChoices) : undefined;
      const targetPlan =
        type === 'team_room'
          ? pricing.officePlan(officeId, 'private-office')
          : type === 'desk'
            ? pricing.officePlan(officeId, 'dedicated-desk')
            : type === 'hotdesk'
              ? pricing.officePlan(officeId, 'hot-desk')
              : undefined;
      const price =
        type === 'team_room'
          ? Math.round(size * 420 * site.priceLevel)
          : type === 'desk'
            ? (targetPlan?.plan.price ?? 0)
            : 0;
      const resource: WireResource = {
        access: { full: true, public: type === 'meeting_room' && rnd.chance(0.3), teams: [], plans: [] },
        availability: [{ startDate: dateOnly(createdMs), endDate: null }],
        _id: ctx.newId(createdMs),
        price,
        deposit: type === 'team_room' ? price : 0,
        parents: parent ? [parent._id] : [],
        type,
        office: officeId,
        name: resourceName(type, number, floor, parent),
        number,
        size,
        room: floor._id,
        order: i,
        area: Math.round(rnd.float(1.5, 4) * size * 1_000_000 * 100) / 100,
        color: RESOURCE_TYPE_SEEDS.find((s) => s.type === type)?.color ?? '#607d8b',
        amenities: [],
        timezone: site.timezone,
        status: type,
        ...ctx.stamps(rnd, createdMs),
      };
      if (parent) resource.parent = parent._id;
      if (rate) resource.rate = rate;
      if (targetPlan) resource.targetPlan = targetPlan.plan._id;
      if (rnd.chance(0.3)) resource.description = `${resource.name} on the ${floor.name?.toLowerCase() ?? 'floor'}`;
      if (rnd.chance(0.2)) resource.image = `https://cdn.example.com/resources/${resource._id}.jpg`;
      resources.push(resource);
      if (type === 'team_room') {
        roomsOnFloor.push(resource);
        pushTo(teamRooms, officeId, resource);
      }
      if (rate && ['meeting_room', 'team_room', 'hotdesk', 'phone_booth', 'event_space', 'desk'].includes(type)) {
        pushTo(bookable, officeId, resource);
      }
    }
  });
  return { floors, resources, bookable, teamRooms };
}

function resourceName(type: string, number: number, floor: WireFloor, parent: WireResource | undefined): string {
  const level = floor.floor ?? '0';
  switch (type) {
    case 'meeting_room': {
      const base = ROOM_NAMES[(number - 1) % ROOM_NAMES.length] ?? 'Room';
      return number > ROOM_NAMES.length ? `${base} ${Math.ceil(number / ROOM_NAMES.length)}` : base;
    }
    case 'team_room':
      return `Office ${level}.${String(number).padStart(2, '0')}`;
    case 'desk_tr':
      return `${parent?.name ?? 'Office'} / Desk ${number}`;
    case 'desk':
      return `Desk ${level}-${number}`;
    case 'hotdesk':
      return `Hot Desk ${level}-${number}`;
    case 'phone_booth':
      return `Phone Booth ${number}`;
    case 'event_space':
      return number === 1 ? 'The Loft' : `Event Space ${number}`;
    default:
      return `Reception Desk ${number}`;
  }
}
