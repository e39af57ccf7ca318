import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { PageQueryDto } from '../../common/paging';
import { toIntArray } from '../../common/id-list';
import { MAX_ID } from '../../common/parse-id.pipe';

// Page forms send text; anything else is left for the validators to refuse.
const TEXT_BOOLEANS: Record<string, boolean> = {
  true: true,
  on: true,
  '1': true,
  false: false,
  off: false,
  '0': false,
};
const toBoolean = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value in TEXT_BOOLEANS ? TEXT_BOOLEANS[value] : value;
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

export class RunScheduleDto {
  @ApiPropertyOptional({ description: 'compute and show, save nothing' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  dryRun?: boolean;
}

/** Page form for running the scheduler: the button pressed says preview or save. */
export class RunScheduleFormDto {
  @IsIn(['preview', 'save']) mode: 'preview' | 'save';
}

export class MoveSessionDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(emptyToUndefined)
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  slotId?: number;
  @ApiPropertyOptional({ description: 'user id of the lead' })
  @IsOptional()
  @Transform(emptyToUndefined)
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  leadModeratorId?: number;
  @ApiPropertyOptional({ description: 'user id of the note-taker' })
  @IsOptional()
  @Transform(emptyToUndefined)
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  noteModeratorId?: number;
}

export class SwapModeratorsDto {
  @ApiProperty({ description: 'the session whose moderators this one takes over, and the other way round' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  otherSessionId: number;
}

export class SendInvitationsDto {
  @ApiPropertyOptional({ description: 'only this group; default every scheduled group' })
  @IsOptional()
  @Transform(emptyToUndefined)
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  groupId?: number;
}

export class ModeratorSettingsDto {
  @ApiPropertyOptional({ default: 2 })
  @IsOptional()
  @Transform(emptyToUndefined)
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10)
  maxPerDay?: number;
  @ApiPropertyOptional({ default: 30 })
  @IsOptional()
  @Transform(emptyToUndefined)
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(480)
  minRestMinutes?: number;
  @ApiPropertyOptional({ type: [Number], description: 'the slots this moderator can do (replaces the list)' })
  @IsOptional()
  @Transform(toIntArray)
  @IsArray()
  @ArrayMaxSize(1000)
  @IsInt({ each: true })
  slotIds?: number[];
  @ApiPropertyOptional() @IsOptional() @Transform(toBoolean) @IsBoolean() active?: boolean;
}

/** Page form: add an account as moderator. */
export class AddModeratorFormDto extends ModeratorSettingsDto {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_ID) userId: number;
}

/** The schedule page: one page of days and waiting groups, the proposal (preview=1), and what was just done. */
export class SchedulePageQueryDto extends PageQueryDto {
  @IsOptional() @IsIn(['1']) preview?: '1';
}
