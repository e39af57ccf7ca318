import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, Min } from 'class-validator';

export class AttendanceDto {
  @ApiPropertyOptional({ type: [Number], description: 'respondent ids of members who came (they become participants)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsInt({ each: true })
  @Min(1, { each: true })
  present?: number[];

  @ApiPropertyOptional({ type: [Number], description: 'respondent ids of members who did not come' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsInt({ each: true })
  @Min(1, { each: true })
  absent?: number[];
}
