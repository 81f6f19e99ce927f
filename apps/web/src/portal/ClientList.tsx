// The client list (#/portal): a real table of every client with their
// figures at a glance. Column headers are buttons that sort (aria-sort says
// how), a text box and a flag filter narrow the rows, and each name links
// to the client's detail. Everything works from the keyboard: Tab to a
// header or a name, Enter or Space to use it.
import { useMemo, useState } from 'preact/hooks';
import {
  filterClients,
  firstDirection,
  sortClients,
  type FlagFilter,
  type SortKey,
  type SortOrder,
} from './client-list-model.js';
import { FlagBadges } from './FlagBadges.js';
import { daysAgo, shortDate } from './format.js';
import { portalMessages as t } from './messages.js';
import { ReadinessCell } from './ReadinessCell.js';
import { Sparkline } from './Sparkline.js';
import type { CaseloadFlag, ClientWithFigures } from './types.js';

const COLUMNS: readonly { key: SortKey; label: string }[] = [
  { key: 'name', label: t.list.columns.name },
  { key: 'lastSession', label: t.list.columns.lastSession },
  { key: 'sessions', label: t.list.columns.sessions },
  { key: 'firing', label: t.list.columns.firing },
  { key: 'balance', label: t.list.columns.balance },
  { key: 'readiness', label: t.list.columns.readiness },
  { key: 'flags', label: t.list.columns.flags },
];

const FLAG_FILTERS = Object.keys(t.flags) as CaseloadFlag[];

export function ClientList(props: { clients: readonly ClientWithFigures[]; now: number }) {
  const [order, setOrder] = useState<SortOrder>({ key: 'name', direction: 'ascending' });
  const [text, setText] = useState('');
  const [flag, setFlag] = useState<FlagFilter>('all');
  const rows = useMemo(
    () => sortClients(filterClients(props.clients, text, flag), order),
    [props.clients, text, flag, order],
  );
  const sortBy = (key: SortKey) =>
    setOrder((current) =>
      current.key === key
        ? {
            key,
            direction: current.direction === 'ascending' ? 'descending' : 'ascending',
          }
        : { key, direction: firstDirection(key) },
    );

  return (
    <section class="client-list" aria-labelledby="clients-title">
      <div class="list-head">
        <h1 id="clients-title">{t.list.title}</h1>
        <p class="hint" role="status">
          {t.list.count(rows.length, props.clients.length)}
        </p>
        <div class="filters" role="search">
          <label class="field">
            <span>{t.list.filterLabel}</span>
            <input
              type="search"
              placeholder={t.list.filterHint}
              value={text}
              onInput={(e) => setText(e.currentTarget.value)}
            />
          </label>
          <label class="field">
            <span>{t.list.flagFilter}</span>
            <select value={flag} onChange={(e) => setFlag(e.currentTarget.value as FlagFilter)}>
              <option value="all">{t.list.everyone}</option>
              <option value="any">{t.list.anyFlag}</option>
              {FLAG_FILTERS.map((f) => (
                <option key={f} value={f}>
                  {t.flags[f]}
                </option>
              ))}
            </select>
          </label>
        </div>
      </div>
      {props.clients.length === 0 ? (
        <p class="notice">{t.list.empty}</p>
      ) : (
        <div class="table-wrap" tabIndex={0} role="region" aria-label="Client table">
          <table class="caseload">
            <caption class="visually-hidden">{t.list.caption}</caption>
            <thead>
              <tr>
                {COLUMNS.map((column) => {
                  const sorted = order.key === column.key ? order.direction : undefined;
                  return (
                    <th key={column.key} scope="col" aria-sort={sorted ?? 'none'}>
                      <button type="button" class="sort" onClick={() => sortBy(column.key)}>
                        {column.label}
                        <span class="sort-mark" aria-hidden="true">
                          {sorted === 'ascending' ? '▲' : sorted === 'descending' ? '▼' : '↕'}
                        </span>
                      </button>
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {rows.map((client) => (
                <ClientRow key={client.id} client={client} now={props.now} />
              ))}
            </tbody>
          </table>
          {rows.length === 0 && <p class="notice">{t.list.noMatch}</p>}
        </div>
      )}
    </section>
  );
}

function ClientRow({ client, now }: { client: ClientWithFigures; now: number }) {
  const f = client.figures;
  const last = f.recentFiring.at(-1);
  const rep = (value: number | null | undefined) =>
    value === null || value === undefined ? '–' : String(value);
  return (
    <tr class={f.flags.length > 0 ? 'flagged' : undefined}>
      <th scope="row">
        <a href={`#/portal/clients/${client.id}`}>{client.displayName}</a>
      </th>
      <td class="nowrap">
        {f.lastSessionAt === null ? (
          <span class="hint">{t.list.never}</span>
        ) : (
          <>
            {daysAgo(f.lastSessionAt, now)}
            <span class="hint sub">{shortDate(f.lastSessionAt)}</span>
          </>
        )}
      </td>
      <td class="nowrap">{t.list.practiceDays(f.sessionsLast14Days, f.practiceDaysLast14)}</td>
      <td class="firing">
        <Sparkline points={f.recentFiring} />
        {last && (
          <span class="firing-now" aria-hidden="true">
            <span class="key-left">L {rep(last.left)}</span>
            <span class="key-right">R {rep(last.right)}</span>
          </span>
        )}
      </td>
      <td class="nowrap">
        {f.latestBalance === null ? (
          <span class="hint">—</span>
        ) : (
          (t.balance[f.latestBalance] ?? f.latestBalance)
        )}
      </td>
      <td>
        <ReadinessCell readiness={f.readiness} />
      </td>
      <td>
        <FlagBadges flags={f.flags} />
      </td>
    </tr>
  );
}
