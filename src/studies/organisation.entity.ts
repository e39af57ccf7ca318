import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A public service organisation; it can take part in several studies. */
@Entity('organisation')
export class Organisation {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 200, unique: true })
  name: string;
}
