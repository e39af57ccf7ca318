import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';

/** The settle form of one disputed answer: the checked codes (the answer is in the route). */
export class SettleFormDto {
  @ApiProperty({ example: ['OORZAAK_FOUT'], description: 'Tekst-IDs of the final coding (at least one)' })
  // A form sends one checked box as a string, several as a list, none as nothing.
  @Transform(({ value }: { value: unknown }) => (value === undefined || Array.isArray(value) ? value : [value]))
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  codes?: string[];
}

/** One answer settled into the final coding with the codes chosen from what its coders applied. */
export class SettleDto extends SettleFormDto {
  @ApiProperty({ example: 12, description: 'the homework assignment' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  assignmentId: number;

  @ApiProperty({ example: 'contactMoments', description: "the question's name in the homework form" })
  @IsString()
  @MaxLength(100)
  question: string;
}
