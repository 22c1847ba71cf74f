// A panel's markup: heading, headline number, tabs (chart, table, query), a data table behind every chart (read by
// screen readers while the chart shows), and the query tab with its operation, variables, copy and GraphiQL link.

import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import type { Panel, PanelView, Table } from './panels.ts';

Chart.register(
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  DoughnutController,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
);

// Dark enough on white for text and large marks (WCAG AA contrast above 4.5:1).
const COLOURS = ['#1d4ed8', '#b45309', '#047857', '#b91c1c', '#6d28d9', '#0e7490', '#a21caf', '#4d7c0f'];

type Tab = 'chart' | 'table' | 'query';

const element = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
};

export interface PanelElement {
  root: HTMLElement;
  /** Shows a view (keeps the selected tab). */
  show(view: PanelView, variables: unknown): void;
  status(text: string, state: 'loading' | 'ready' | 'error'): void;
}

export interface RenderOptions {
  graphqlEndpoint: string;
  graphiql: boolean;
}

function tableOf(table: Table): HTMLTableElement {
  const node = element('table');
  node.append(element('caption', {}, table.caption));
  const head = element('tr');
  for (const column of table.columns) head.append(element('th', { scope: 'col' }, column));
  const thead = element('thead');
  thead.append(head);
  node.append(thead);
  const body = element('tbody');
  for (const row of table.rows) {
    const tr = element('tr');
    row.forEach((cell, index) => {
      tr.append(
        index === 0
          ? element('th', { scope: 'row' }, String(cell))
          : element('td', typeof cell === 'number' ? { class: 'number' } : {}, String(cell)),
      );
    });
    body.append(tr);
  }
  if (table.rows.length === 0) {
    const tr = element('tr');
    tr.append(element('td', { colspan: String(table.columns.length) }, 'Nothing in this selection.'));
    body.append(tr);
  }
  node.append(body);
  return node;
}

/** Builds a panel's section; charts are drawn from the first table. */
export function renderPanel(panel: Panel, options: RenderOptions): PanelElement {
  const root = element('section', { class: 'panel', 'data-panel': panel.id, 'aria-labelledby': `${panel.id}-title` });
  const header = element('header');
  header.append(element('h2', { id: `${panel.id}-title` }, panel.title));
  const headline = element('p', { class: 'headline', 'data-total': '' });
  header.append(headline, element('p', { class: 'description' }, panel.description));
  root.append(header);

  const tabs: Tab[] = panel.chart ? ['chart', 'table', 'query'] : ['table', 'query'];
  const tablist = element('div', { role: 'tablist', 'aria-label': `${panel.title}: views` });
  const views = new Map<Tab, HTMLElement>();
  const buttons = new Map<Tab, HTMLButtonElement>();
  const labels: Record<Tab, string> = { chart: 'Chart', table: 'Table', query: 'Query' };
  for (const tab of tabs) {
    const id = `${panel.id}-${tab}`;
    const button = element('button', {
      type: 'button',
      role: 'tab',
      id: `${id}-tab`,
      'aria-controls': id,
      'data-tab': tab,
    });
    button.textContent = labels[tab];
    buttons.set(tab, button);
    tablist.append(button);
    views.set(tab, element('div', { role: 'tabpanel', id, 'aria-labelledby': `${id}-tab`, class: `view view-${tab}` }));
  }
  root.append(tablist, ...views.values());
  const status = element('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  root.append(status);

  let selected: Tab = tabs[0]!;
  const select = (tab: Tab, focus = false): void => {
    selected = tab;
    for (const [name, button] of buttons) {
      const on = name === tab;
      button.setAttribute('aria-selected', String(on));
      button.tabIndex = on ? 0 : -1;
      if (on && focus) button.focus();
    }
    for (const [name, view] of views) {
      // The table stays readable by screen readers while the chart is shown (it is what the chart says).
      view.hidden = name !== tab && !(name === 'table' && tab === 'chart');
      view.classList.toggle('visually-hidden', name === 'table' && tab === 'chart');
    }
  };
  for (const [tab, button] of buttons) button.addEventListener('click', () => select(tab));
  tablist.addEventListener('keydown', (event) => {
    const index = tabs.indexOf(selected);
    const next =
      event.key === 'ArrowRight'
        ? tabs[(index + 1) % tabs.length]
        : event.key === 'ArrowLeft'
          ? tabs[(index + tabs.length - 1) % tabs.length]
          : event.key === 'Home'
            ? tabs[0]
            : event.key === 'End'
              ? tabs[tabs.length - 1]
              : undefined;
    if (next) {
      event.preventDefault();
      select(next, true);
    }
  });
  select(selected);

  const canvas = element('canvas', {
    role: 'img',
    'aria-label': `${panel.title} (chart; the table holds its numbers)`,
  });
  const chartBox = element('div', { class: 'chart-box' });
  chartBox.append(canvas);
  views.get('chart')?.append(chartBox);
  let chart: Chart | null = null;

  const queryView = views.get('query')!;
  const operation = element('pre', { class: 'operation', tabindex: '0', 'aria-label': 'GraphQL operation' });
  const variables = element('pre', { class: 'variables', tabindex: '0', 'aria-label': 'Variables (JSON)' });
  const copy = element('button', { type: 'button', class: 'copy' }, 'Copy operation and variables');
  const copied = element('span', { class: 'copied', 'aria-live': 'polite' });
  const link = element('a', { class: 'graphiql', target: '_blank', rel: 'noopener' }, 'Open in GraphiQL');
  operation.textContent = panel.operation.trim();
  queryView.append(element('h3', {}, 'Operation'), operation, element('h3', {}, 'Variables'), variables, copy, copied);
  if (options.graphiql) queryView.append(link);
  let variablesText = '{}';
  copy.addEventListener('click', async () => {
    const text = `${panel.operation.trim()}\n\n# Variables\n# ${variablesText.replaceAll('\n', '\n# ')}\n`;
    try {
      await navigator.clipboard.writeText(text);
      copied.textContent = 'Copied.';
    } catch {
      // No clipboard permission: select the operation so that the user can copy it.
      getSelection()?.selectAllChildren(operation);
      copied.textContent = 'Selected: press Ctrl+C (⌘C) to copy.';
    }
  });

  const tableView = views.get('table')!;
  return {
    root,
    show(view, vars) {
      headline.textContent = `${view.total.toLocaleString('en-GB')} ${view.totalLabel}`;
      headline.dataset.total = String(view.total);
      tableView.replaceChildren(...view.tables.map(tableOf));
      variablesText = JSON.stringify(vars, null, 2);
      variables.textContent = variablesText;
      const params = new URLSearchParams({ query: panel.operation.trim(), variables: variablesText });
      link.href = `${options.graphqlEndpoint}?${params}`;
      const first = view.tables[0];
      if (!panel.chart || !first) return;
      const labels = first.rows.map((row) => String(row[0]));
      const series = first.columns.slice(1).map((label, index) => ({
        label,
        data: first.rows.map((row) => Number(row[index + 1]) || 0),
      }));
      const kind = panel.chart.kind;
      const datasets = series.map((s, index) => ({
        ...s,
        backgroundColor: kind === 'doughnut' ? COLOURS : COLOURS[index % COLOURS.length],
        borderColor: kind === 'doughnut' ? '#ffffff' : COLOURS[index % COLOURS.length],
      }));
      chart?.destroy();
      chart = new Chart(canvas, {
        type: kind,
        data: { labels, datasets },
        options: {
          animation: false,
          responsive: true,
          maintainAspectRatio: false,
          ...(panel.chart.horizontal ? { indexAxis: 'y' as const } : {}),
          plugins: { legend: { display: datasets.length > 1 || kind === 'doughnut' } },
        },
      });
    },
    status(text, state) {
      status.textContent = text;
      root.dataset.state = state;
    },
  };
}
