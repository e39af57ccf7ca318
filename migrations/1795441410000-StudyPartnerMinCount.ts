import { MigrationInterface, QueryRunner, TableCheck, TableColumn } from 'typeorm';
import { int } from './columns.v2';

/**
 * The study's k: what partners see of the journey report hides counts from 1 to k − 1. Five was fixed before; a
 * study with small groups may need more, a consortium that agreed on less may set less (at least 2).
 */
export class StudyPartnerMinCount1795441410000 implements MigrationInterface {
  name = 'StudyPartnerMinCount1795441410000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('study', new TableColumn(int('partner_min_count', { default: 5 })));
    await q.createCheckConstraint(
      'study',
      new TableCheck({ name: 'ck_study_partner_min_count', expression: 'partner_min_count BETWEEN 2 AND 50' }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropCheckConstraint('study', 'ck_study_partner_min_count');
    await q.dropColumn('study', 'partner_min_count');
  }
}
