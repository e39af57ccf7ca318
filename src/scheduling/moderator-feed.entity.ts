import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The private calendar feed of one person: only the hash of the token in its URL is kept. */
@Entity('moderator_feed')
export class ModeratorFeed {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  userId: number;

  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ type: Date })
  createdAt: Date;
}
