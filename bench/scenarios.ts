// What the benchmark measures: the HTTP requests of each scenario and, for the lists, the one SQL
// query that returns the same page (same rows, same columns, names and last comment joined) —
// the floor the app's time is compared with.

export type Actors = {
  referent: { personId: string; chantierId: string; token: string };
  contributor: { personId: string; token: string };
  treasurer: { personId: string; token: string };
};

export type ListScenario = {
  key: 'referentQueue' | 'contributorList' | 'transparencyFirst' | 'transparencyDeep';
  title: string;
  path: string;
  token: string;
  /** The app's query string, as the API parses it. */
  query: Record<string, string>;
  /** Who calls (a person id, for the in-process diagnosis). */
  personId: string;
  floor: { sql: string; params: unknown[] };
};

export const PAGE_SIZE = 50;

/** One page of the list, as a single well-indexed query: the floor. */
function floorSql(where: string, keyset: boolean): string {
  return `SELECT c.id, c.person_id, c.chantier_id, c.place_id, c.period_id, c.date, c.minutes, c.description, c.link, c.volunteer,
       c.status, c.version, c.reviewed_by_id, c.reviewed_at, c.submitted_at, c.created_at, c.updated_at,
       p.name AS person_name, ch.name AS chantier_name, pl.name AS place_name,
       (SELECT e.comment FROM contribution_events e
         WHERE e.contribution_id = c.id AND e.kind = 'TRANSITION' AND e.comment IS NOT NULL
         ORDER BY e.id DESC LIMIT 1) AS last_comment
  FROM contributions c
  JOIN people p ON p.id = c.person_id
  JOIN chantiers ch ON ch.id = c.chantier_id
  LEFT JOIN places pl ON pl.id = c.place_id
 WHERE c.deleted_at IS NULL AND ${where}${keyset ? ' AND (c.date, c.id) < ($2::date, $3)' : ''}
 ORDER BY c.date DESC, c.id DESC
 LIMIT ${PAGE_SIZE + 1}`;
}

export function listScenarios(
  actors: Actors,
  deepCursor: { encoded: string; date: string; id: string },
): ListScenario[] {
  return [
    {
      key: 'referentQueue',
      title: "Referent's queue (SUBMITTED in their chantier)",
      path: '/api/v1/contributions',
      token: actors.referent.token,
      query: { status: 'SUBMITTED', chantierId: actors.referent.chantierId },
      personId: actors.referent.personId,
      floor: {
        sql: floorSql(`c.chantier_id = $1 AND c.status = 'SUBMITTED'`, false),
        params: [actors.referent.chantierId],
      },
    },
    {
      key: 'contributorList',
      title: "A contributor's own list (first page)",
      path: '/api/v1/contributions',
      token: actors.contributor.token,
      query: { personId: actors.contributor.personId },
      personId: actors.contributor.personId,
      floor: { sql: floorSql('c.person_id = $1', false), params: [actors.contributor.personId] },
    },
    {
      key: 'transparencyFirst',
      title: 'Transparency list, APPROVED (first page)',
      path: '/api/v1/contributions',
      token: actors.contributor.token,
      query: { status: 'APPROVED' },
      personId: actors.contributor.personId,
      floor: { sql: floorSql(`c.status = $1`, false), params: ['APPROVED'] },
    },
    {
      key: 'transparencyDeep',
      title: 'Transparency list, APPROVED (deep page)',
      path: '/api/v1/contributions',
      token: actors.contributor.token,
      query: { status: 'APPROVED', cursor: deepCursor.encoded },
      personId: actors.contributor.personId,
      floor: { sql: floorSql(`c.status = $1`, true), params: ['APPROVED', deepCursor.date, deepCursor.id] },
    },
  ];
}

/** The pages people open, as a browser asks for them (server-rendered HTML, signed in). */
export type PageScenario = { key: string; title: string; path: string; as: 'contributor' | 'referent' | 'treasurer' };

export function pageScenarios(periods: { openPeriodId: string }): PageScenario[] {
  const period = `/periods/${periods.openPeriodId}`;
  return [
    { key: 'reviewPage', title: 'À valider (the referent’s queue, with its claims)', path: '/review', as: 'referent' },
    {
      key: 'minePage',
      title: 'Mes contributions (the most active contributor, with their claims)',
      path: '/contributions',
      as: 'contributor',
    },
    {
      key: 'approvedPage',
      title: 'Contributions validées (the period under way)',
      path: '/approved',
      as: 'contributor',
    },
    { key: 'declarePage', title: 'Déclarer (the declare form)', path: '/contributions/new', as: 'contributor' },
    {
      key: 'periodPage',
      title: 'The largest open period, with its payout preview',
      path: period,
      as: 'treasurer',
    },
    { key: 'dashboardPage', title: 'Its Tableau de bord', path: `${period}/dashboard`, as: 'treasurer' },
    { key: 'planPage', title: 'Its Prévisionnel', path: `${period}/plan`, as: 'treasurer' },
  ];
}

export function urlOf(base: string, path: string, query: Record<string, string> = {}): string {
  const search = new URLSearchParams(query).toString();
  return `${base}${path}${search ? `?${search}` : ''}`;
}
