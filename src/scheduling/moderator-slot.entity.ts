import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A slot a moderator can do. */
@Entity('moderator_slot')
export class ModeratorSlot {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  moderatorId: number;

  @Column({ type: 'integer' })
  slotId: number;
}
