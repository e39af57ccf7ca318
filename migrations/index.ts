// Every migration, in order. Append new ones at the end.
import { Foundation1763900000000 } from './1763900000000-Foundation';

export const MIGRATIONS = [Foundation1763900000000];
