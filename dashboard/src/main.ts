// The live space dashboard: controls (period, time zone, week start, office) kept in the URL, one GraphQL operation
// per panel, refetched when OfficeRnD changes (subscription over server-sent events) or, without events, polled
// with ETags.

import './styles.css';
import offices from '../operations/offices.graphql';
import type { DashboardOfficesQuery, OfficeRnDCollection } from '../../test/generated/graphql.ts';
import { createClient, MissingKeyError, storedKey, storeKey } from './api.ts';
import { subscribeToChanges } from './live.ts';
import { PANELS, type Panel } from './panels.ts';
import { renderPanel, type PanelElement } from './render.ts';
import { MODES, PERIODS, readState, WEEKDAYS, writeState, type ViewState } from './selection.ts';

interface PageConfig {
  graphqlEndpoint: string;
  apiKeys: boolean;
  graphiql: boolean;
  live: boolean;
  pollSeconds: number;
}

/** Changes arriving together (a burst of webhooks) refetch once. */
const DEBOUNCE_MS = 400;

const config = JSON.parse(document.getElementById('dashboard-config')?.textContent ?? '{}') as PageConfig;
const client = createClient(config.graphqlEndpoint);
let state: ViewState = readState(location.search);

const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const controls = byId<HTMLFormElement>('controls');
const mode = byId<HTMLSelectElement>('mode');
const officeSelect = byId<HTMLSelectElement>('office');
const liveStatus = byId<HTMLElement>('live-status');
const keyForm = byId<HTMLFormElement>('key-form');

const option = (value: string, label: string): HTMLOptionElement => {
  const node = document.createElement('option');
  node.value = value;
  node.textContent = label;
  return node;
};

mode.append(...MODES.map((m) => option(m.value, m.label)));
byId<HTMLSelectElement>('period').append(...PERIODS.map((p) => option(p.value, p.label)));
byId<HTMLSelectElement>('weekStartsOn').append(
  option('', 'Gateway default'),
  ...WEEKDAYS.map((d) => option(d, d.charAt(0) + d.slice(1).toLowerCase())),
);
const zones = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
byId<HTMLDataListElement>('time-zones').append(...zones.map((zone) => option(zone, zone)));

const FIELDS = [
  'mode',
  'period',
  'on',
  'daysBack',
  'from',
  'to',
  'fromDaysBack',
  'toDaysBack',
  'timeZone',
  'weekStartsOn',
  'office',
] as const;

/** Puts the state into the form, showing only the inputs of the chosen mode. */
function fillControls(): void {
  for (const name of FIELDS) {
    const input = controls.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
    if (input) input.value = String(state[name]);
  }
  for (const group of controls.querySelectorAll<HTMLElement>('[data-mode]')) {
    group.hidden = !(group.dataset.mode ?? '').split(' ').includes(state.mode);
  }
}

/** Reads the form back into a state (through the URL reader, which checks every value). */
function readControls(): ViewState {
  const params = new URLSearchParams();
  for (const name of FIELDS) {
    const input = controls.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
    if (input && input.value !== '') params.set(name, input.value);
  }
  return readState(`?${params}`);
}

const panels = new Map<Panel, PanelElement>();
const grid = byId<HTMLElement>('panels');
for (const panel of PANELS) {
  const node = renderPanel(panel, { graphqlEndpoint: config.graphqlEndpoint, graphiql: config.graphiql });
  panels.set(panel, node);
  grid.append(node.root);
}

function askForKey(): void {
  keyForm.hidden = false;
  byId<HTMLInputElement>('api-key').focus();
}

/** The version each panel shows (see Answer.version). */
const shown = new Map<Panel, string | null>();
let generation = 0;
/** Reads one panel; an answer for an older selection is dropped. */
async function refresh(panel: Panel): Promise<void> {
  const node = panels.get(panel)!;
  const mine = generation;
  const variables = panel.variables(state);
  node.status('Loading…', 'loading');
  try {
    const { data, version } = await client.query<unknown, Record<string, unknown>>(panel.operation, variables as never);
    if (mine !== generation) return;
    // An unchanged answer (revalidated with its ETag) is not drawn again.
    if (version === null || shown.get(panel) !== version) node.show(panel.view(data, state), variables);
    shown.set(panel, version);
    node.status(`Updated ${new Date().toLocaleTimeString('en-GB')}`, 'ready');
  } catch (error) {
    if (mine !== generation) return;
    if (error instanceof MissingKeyError) askForKey();
    node.status(error instanceof Error ? error.message : String(error), 'error');
  }
}

const refreshAll = (): Promise<unknown> => Promise.all(PANELS.map(refresh));

async function loadOffices(): Promise<void> {
  try {
    const { data } = await client.query<DashboardOfficesQuery, Record<string, never>>(offices, {});
    officeSelect.replaceChildren(
      option('', 'All offices'),
      ...(data.offices?.nodes ?? []).map((o) => option(o.id, o.name ?? o.id)),
    );
    officeSelect.value = state.office;
  } catch (error) {
    if (error instanceof MissingKeyError) askForKey();
  }
}

controls.addEventListener('change', () => {
  state = readControls();
  history.replaceState(null, '', `${location.pathname}${writeState(state)}`);
  fillControls();
  generation += 1;
  void refreshAll();
});
controls.addEventListener('submit', (event) => event.preventDefault());
window.addEventListener('popstate', () => {
  state = readState(location.search);
  fillControls();
  generation += 1;
  void refreshAll();
});

keyForm.hidden = !config.apiKeys || storedKey() !== '';
keyForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const input = byId<HTMLInputElement>('api-key');
  storeKey(input.value.trim());
  input.value = '';
  keyForm.hidden = true;
  void loadOffices();
  void refreshAll();
  startUpdates();
});

let stopUpdates: (() => void) | null = null;
/** Live changes when the gateway hears webhooks; otherwise polling, which costs a 304 when nothing changed. */
function startUpdates(): void {
  stopUpdates?.();
  if (!config.live) {
    liveStatus.textContent = `Polling every ${config.pollSeconds} s (no live events on this gateway)`;
    const timer = setInterval(() => void refreshAll(), config.pollSeconds * 1000);
    stopUpdates = () => clearInterval(timer);
    return;
  }
  const pending = new Set<Panel>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const collections = [...new Set(PANELS.flatMap((p) => p.collections))] as OfficeRnDCollection[];
  stopUpdates = subscribeToChanges({
    endpoint: config.graphqlEndpoint,
    collections,
    onStatus: (open) => {
      liveStatus.textContent = open ? 'Live: updates as OfficeRnD changes' : 'Live updates reconnecting…';
      liveStatus.dataset.live = String(open);
    },
    onChange: (change) => {
      for (const panel of PANELS)
        if (change.collection && panel.collections.includes(change.collection)) pending.add(panel);
      clearTimeout(timer);
      timer = setTimeout(() => {
        const due = [...pending];
        pending.clear();
        for (const panel of due) void refresh(panel);
      }, DEBOUNCE_MS);
    },
  });
}

fillControls();
if (config.apiKeys && storedKey() === '') {
  // Nothing can be read without a key: ask first (no request is refused on the way).
  askForKey();
  liveStatus.textContent = 'Waiting for an API key';
} else {
  void loadOffices();
  void refreshAll();
  startUpdates();
}
