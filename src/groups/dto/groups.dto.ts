import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { PageQueryDto } from '../../common/paging';
import { MAX_ID } from '../../common/parse-id.pipe';
import { MEMBER_ROLES, MemberRole } from '../group-member.entity';

// Page forms and query strings send text; anything else is left for @IsBoolean to refuse.
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
// Empty select fields in page forms mean "not given".
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

export class FormGroupsDto {
  @ApiPropertyOptional({ description: 'compute and show, save nothing' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  dryRun?: boolean;
  @ApiPropertyOptional({ description: 'only this partner organisation; its other groups stay as they are' })
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  organisation?: string;
}

const ROLE_MESSAGE = { message: 'must be member or reserve' };

export class AddMemberDto {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_ID) respondentId: number;
  @ApiPropertyOptional({ enum: MEMBER_ROLES, default: 'member' })
  @IsOptional()
  @IsIn(MEMBER_ROLES, ROLE_MESSAGE)
  role?: MemberRole;
}

export class MoveMemberDto {
  @ApiProperty({ description: 'the group to move to (may be the same group to change the role)' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  groupId: number;
  @ApiPropertyOptional({ enum: MEMBER_ROLES, description: 'default: the current role' })
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsIn(MEMBER_ROLES, ROLE_MESSAGE)
  role?: MemberRole;
}

export class SwapMemberDto {
  @ApiProperty({
    description: 'the respondent to change places with (in another group, or the other role in this one)',
  })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  respondentId: number;
}

export class PromoteReserveDto {
  @ApiPropertyOptional({ description: 'a member who becomes the reserve in exchange (needed when the group is full)' })
  @IsOptional()
  @Transform(emptyToUndefined)
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  replaceRespondentId?: number;
}

/** The page's "add to group" form, where the group is chosen in the form. */
export class AddToGroupDto extends AddMemberDto {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_ID) groupId: number;
}

/** The groups page: one page of groups, and optionally a preview of a new formation (for one organisation). */
export class GroupsPageQueryDto extends PageQueryDto {
  @IsOptional() @Transform(emptyToUndefined) @IsIn(['1']) preview?: '1';
  @IsOptional() @Transform(emptyToUndefined) @IsString() @MaxLength(200) organisation?: string;
}
