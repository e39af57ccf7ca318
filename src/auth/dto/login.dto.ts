import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { ROLES, Role } from '../user.entity';

export class LoginDto {
  @ApiProperty() @IsString() @MaxLength(254) email: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(500) password: string;
  @IsOptional() @IsString() @MaxLength(500) next?: string;
}

export class CreateUserDto {
  @ApiProperty() @IsEmail({}, { message: 'must be an e-mail address' }) @MaxLength(254) email: string;
  @ApiProperty({ required: false }) @IsOptional() @IsString() @MaxLength(200) name?: string;
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `must be one of ${ROLES.join(', ')}` })
  role: Role;
  @ApiProperty({ required: false }) @IsOptional() @IsString() @MaxLength(200) organisation?: string;
  @ApiProperty()
  @IsString()
  @MinLength(10, { message: 'must be at least 10 characters' })
  @MaxLength(500)
  password: string;
}
