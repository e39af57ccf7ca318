// Module boundaries of kwadrant, checked by `npm run lint` (see README, "Modules and their boundaries").
//
// Layers, one way: a folder under src/ may import only folders in a lower layer or before it in the feature order.
// There is no allow-list of known violations: a new one fails `npm run lint` at once. Folder-level cycles are checked
// by tools/check-boundaries.mjs on the same cruise, because dependency-cruiser's own cycle rule works on files.

/** Below every feature. No order among them is imposed here; the folder-cycle check keeps them acyclic. */
const BASE = ['config', 'database', 'common', 'audit', 'mail', 'auth'];
/** Features in the order data flows through a study: each may use only those before it. */
const FEATURES = [
  'studies',
  'surveys',
  'respondents',
  'groups',
  'scheduling',
  'homework',
  'overviews',
  'coding',
  'journeys',
  'actions',
];
/** Orchestrators: work that spans features, coordinated from above them through their exported services. */
const ORCHESTRATORS = ['study-flow', 'dashboard', 'privacy', 'demo'];
/** Entry points, above the orchestrators: the command line and the health check. */
const ENTRY = ['health', 'cli'];
/** Nothing below imports these. */
const TOP = [...ORCHESTRATORS, ...ENTRY];

const folders = (names) => `^src/(${names.join('|')})/`;
/** The application's entry files directly in src/ (app.module.ts, main.ts …) sit on top as well. */
const ROOT_FILES = '^src/[^/]+\\.ts$';

/** Files with a framework role; everything else in a feature folder is plain domain logic, unless listed below. */
const ROLE_SUFFIX =
  '\\.(module|controller|service|repository|entity|commands|guard|middleware|pipe|filter|loop|worker|route|decorators)\\.ts$';
/** Plain files in feature folders that adapt to Nest, TypeORM or Express and are therefore not pure. */
const ADAPTERS = [
  'src/scheduling/schedule-loader.ts',
  'src/scheduling/invitation-mailer.ts',
  'src/respondents/uploaded-file.ts',
  'src/respondents/status-history.ts',
  'src/overviews/send-download.ts',
];
/** Pure files of the base layer, named one by one (most base files are infrastructure). */
const BASE_DOMAIN = [
  'src/mail/outbox-policy.ts',
  'src/auth/password.ts',
  'src/auth/login-throttle.ts',
  'src/auth/rate-limit.ts',
  'src/common/dutch-time.ts',
  'src/common/domain.ts',
];
const escape = (path) => path.replace(/[.]/g, '\\.');

const layerRules = FEATURES.map((feature, index) => ({
  name: `layer-${feature}`,
  comment: `${feature} may use only the base layer and ${FEATURES.slice(0, index).join(', ') || 'no other feature'}.`,
  severity: 'error',
  from: { path: `^src/${feature}/` },
  to: { path: [folders([...FEATURES.slice(index + 1), ...TOP]), ROOT_FILES] },
}));

module.exports = {
  forbidden: [
    {
      name: 'layer-base',
      comment:
        'config, database, common, audit, mail and auth lie below every feature: they import no feature, orchestrator or entry file.',
      severity: 'error',
      from: { path: folders(BASE) },
      to: { path: [folders([...FEATURES, ...TOP]), ROOT_FILES] },
    },
    ...layerRules,
    {
      name: 'layer-orchestrators',
      comment: `The orchestrators (${ORCHESTRATORS.join(', ')}) lie above the features and below the entry points: they import no entry point or entry file.`,
      severity: 'error',
      from: { path: folders(ORCHESTRATORS) },
      to: { path: [folders(ENTRY), ROOT_FILES] },
    },
    {
      name: 'layer-top-entry-files',
      comment: 'Only the command line and the entry files themselves use the entry files directly in src/.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/cli/', ROOT_FILES] },
      to: { path: ROOT_FILES },
    },
    {
      name: 'no-foreign-entity-or-repository',
      comment:
        "A module's tables are its own: another folder asks the owning module's exported service, never its entity or repository.",
      severity: 'error',
      from: { path: '^src/([^/]+)/' },
      to: { path: '^src/[^/]+/.*\\.(entity|repository)\\.ts$', pathNot: '^src/$1/' },
    },
    {
      name: 'respondent-status-one-writer',
      comment:
        "Only the respondents module writes a respondent's status: other folders call RespondentLifecycleService.move(ids, to, reason), never the status writer itself.",
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/respondents/' },
      to: { path: '^src/respondents/status-history\\.ts$' },
    },
    {
      name: 'study-settings-one-caller',
      comment:
        "Only study-flow changes a study's settings and status (StudySettingsService): closing or reopening a study must reach the modules that keep their own record of it (mail's held mail, homework's closed links), which StudyClosingService tells in the same transaction.",
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/studies/', '^src/study-flow/'] },
      to: { path: '^src/studies/study-settings\\.service\\.ts$' },
    },
    {
      name: 'group-dissolver-one-caller',
      comment:
        "Only study-flow's GroupDissolutionService dissolves a group (GroupDissolverService): the groups module cannot see whether the group's session still takes place, which the orchestrator asks scheduling first, with the group locked.",
      severity: 'error',
      from: {
        path: '^src/',
        pathNot: ['^src/groups/groups\\.module\\.ts$', '^src/study-flow/group-dissolution\\.service\\.ts$'],
      },
      to: { path: '^src/groups/group-dissolver\\.service\\.ts$' },
    },
    {
      name: 'slot-deleter-one-caller',
      comment:
        "Only study-flow's SlotRemovalService deletes a session slot (SlotDeleterService): the studies module cannot see whether a session meets in it, which the orchestrator asks scheduling first, under the study's lock.",
      severity: 'error',
      from: {
        path: '^src/',
        pathNot: ['^src/studies/studies\\.module\\.ts$', '^src/study-flow/slot-removal\\.service\\.ts$'],
      },
      to: { path: '^src/studies/slot-deleter\\.service\\.ts$' },
    },
    {
      name: 'pure-domain',
      comment:
        'Domain logic stays framework-free so it can be read and unit-tested on its own: no Nest, TypeORM, Express or HTTP.',
      severity: 'error',
      from: {
        path: [folders([...FEATURES, ...TOP.filter((name) => name !== 'cli')]), ...BASE_DOMAIN.map(escape)],
        pathNot: [ROLE_SUFFIX, '/dto/', '\\.spec\\.ts$', ...ADAPTERS.map(escape)],
      },
      to: { path: ['^node_modules/@nestjs/', '^node_modules/typeorm/', '^node_modules/express/', '^(node:)?https?$'] },
    },
    {
      name: 'no-file-cycles',
      comment: 'Files import one another one way; a cycle makes load order and reasoning fragile.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'migrations-frozen',
      comment:
        'A migration that ran must never change: it imports only typeorm and a frozen column-helper file (columns.vN).',
      severity: 'error',
      from: { path: '^migrations/[0-9]+-[^/]+\\.ts$' },
      to: { pathNot: ['^node_modules/typeorm/', '^migrations/columns\\.v[0-9]+\\.ts$'] },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that does not resolve is a typo or a missing package.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Report packages as node_modules/… wherever node_modules really lives.
    preserveSymlinks: true,
    // Type-only imports count too: they are a dependency a reader has to follow.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
    // Folder metrics are what the folder-cycle check reads.
    metrics: false,
  },
};
