import { Translations } from '../common/i18n';
import { templatesDir } from '../common/view-engine';
import { auditVariables } from './audit-sentence';
import { AUDIT_ACTION_GROUPS, describeAuditEvent } from './audit-view';

const i18n = new Translations(templatesDir());
const event = (action: string, subjectId: string | null, details: Record<string, unknown> | null = null) => ({
  action,
  subjectId,
  details,
});

describe(auditVariables.name, () => {
  it('takes plain details, nested ones in camel case, and counts and joins lists', () => {
    const vars = auditVariables(
      event('x', '7', {
        groupId: 3,
        from: { groupId: 1, role: 'member' },
        created: [4, 5],
        placed: [{ groupId: 1 }],
        organisation: null,
        late: true,
      }),
      (v) => v.toUpperCase(),
    );
    expect(vars).toEqual({
      subject: '7',
      groupId: 3,
      fromGroupId: 1,
      fromRole: 'MEMBER',
      createdCount: 2,
      createdList: '4, 5',
      placedCount: 1,
    });
  });
});

describe(describeAuditEvent.name, () => {
  it('says a homework assignment in Dutch and in English', () => {
    const e = event('homework.assign', '34', { assignmentId: 9, sessionId: 2, letter: true });
    expect(describeAuditEvent(e, i18n, 'nl')).toBe('Huiswerk klaargezet voor respondent 34');
    expect(describeAuditEvent(e, i18n, 'en')).toBe('Prepared the homework for respondent 34');
  });

  it('names quadrants, roles and populations in the reader’s language', () => {
    expect(
      describeAuditEvent(
        event('respondent.quadrant_override', '5', {
          from: 'gemakzoeker',
          to: 'informatiezoeker',
          reason: 'belde zelf',
        }),
        i18n,
        'en',
      ),
    ).toBe("Changed respondent 5's quadrant from Convenience seeker to Information seeker, because: belde zelf");
    expect(describeAuditEvent(event('group.member_add', '12', { respondentId: 3, role: 'reserve' }), i18n, 'nl')).toBe(
      'Respondent 3 aan groep 12 toegevoegd als reserve',
    );
    expect(describeAuditEvent(event('user.create', '2', { email: 'a@b.nl', role: 'researcher' }), i18n, 'nl')).toBe(
      'Account a@b.nl aangemaakt (Onderzoeker)',
    );
    expect(
      describeAuditEvent(
        event('overview.download', 'wp2a', { format: 'csv', organisation: 'RET', population: 'participants' }),
        i18n,
        'nl',
      ),
    ).toBe('Overzicht van RET bekeken of gedownload (csv, deelnemers)');
  });

  it('takes the short sentence when a detail is missing, and never shows a placeholder', () => {
    expect(
      describeAuditEvent(
        event('overview.download', 'wp2a', { format: 'pdf', organisation: null, population: 'all' }),
        i18n,
        'en',
      ),
    ).toBe('Viewed or downloaded the overview of all organisations (pdf, everyone)');
    expect(describeAuditEvent(event('group.dissolve', '4', null), i18n, 'nl')).toBe('Groep 4 opgeheven');
    expect(
      describeAuditEvent(event('group.form', 'wp2a', { created: [1, 2], kept: [], replaced: [3] }), i18n, 'nl'),
    ).toBe('Groepen gevormd: 2 nieuw, 0 behouden, 1 vervangen');
  });

  it('names an action it has no sentence for rather than failing', () => {
    expect(describeAuditEvent(event('something.new', null), i18n, 'en')).toBe('Action something.new');
  });

  it('has a sentence for every action recorded in the code', () => {
    const recorded = [
      'study.create',
      'study.update',
      'study.logo_set',
      'study.logo_remove',
      'study.organisation_add',
      'study.organisation_update',
      'study.organisation_remove',
      'study.slot_add',
      'study.slot_remove',
      'survey.definition_put',
      'respondent.import',
      'respondent.quadrant_override',
      'respondent.erase',
      'respondent.read',
      'group.form',
      'group.confirm',
      'group.lock',
      'group.unlock',
      'group.dissolve',
      'group.member_add',
      'group.member_remove',
      'group.member_move',
      'group.member_swap',
      'group.reserve_promote',
      'group.no_reserve',
      'schedule.run',
      'schedule.session_move',
      'schedule.moderators_swap',
      'schedule.session_cancel',
      'moderator.add',
      'moderator.update',
      'moderator.remove',
      'moderator.feed_renew',
      'invitation.send',
      'invitation.confirm',
      'invitation.decline',
      'attendance.mark',
      'homework.assign',
      'homework.paper_entry',
      'homework.settings',
      'outbox.retry',
      'user.create',
      'overview.download',
      'respondents.read',
      'homework.prep.read',
      'homework.print.read',
      'homework.pdf.read',
      'homework.paper.read',
    ];
    for (const locale of ['nl', 'en'] as const) {
      for (const action of recorded) {
        expect(i18n.keys(locale)).toContain(`auditEvent.${action}`);
      }
    }
  });

  it('names every action group of the filter', () => {
    for (const group of AUDIT_ACTION_GROUPS)
      expect(i18n.t('en', `auditAction.${group}`)).not.toBe(`auditAction.${group}`);
  });
});
