// Every migration, in order. Append new ones at the end.
import { Foundation1763900000000 } from './1763900000000-Foundation';
import { Groups1795433245086 } from './1795433245086-Groups';
import { Outbox1795433400000 } from './1795433400000-Outbox';
import { Scheduling1795433500000 } from './1795433500000-Scheduling';
import { Homework1795433600000 } from './1795433600000-Homework';
import { RespondentIntake1795433350000 } from './1795433350000-RespondentIntake';

export const MIGRATIONS = [Foundation1763900000000, Outbox1795433400000, RespondentIntake1795433350000, Groups1795433245086, Scheduling1795433500000, Homework1795433600000];
