import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A closed study whose mail is held: the worker cancels its waiting messages and claims none of them. The outbox
 * lies below the studies and cannot read their status, so closing a study records it here (study-flow).
 */
@Entity('outbox_hold')
export class OutboxHold {
  @PrimaryColumn({ type: 'integer' })
  studyId: number;

  @Column({ type: Date })
  heldAt: Date;
}
