import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { Actor } from './actor';
import { CurrentActor, Public } from './auth.decorators';
import { AccessTokenResponse, LoginDto } from './auth.dto';
import { AuthService } from './auth.service';
import { MeResponse } from './me.dto';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @UseGuards(ThrottlerGuard)
  @Post('auth/login')
  @HttpCode(200)
  @ApiOkResponse({ type: AccessTokenResponse })
  @ApiUnauthorizedResponse({ description: 'Wrong email or password' })
  @ApiTooManyRequestsResponse({
    description:
      'Too many attempts from this address, for this account from this address, or for this account',
  })
  login(@Body() dto: LoginDto): Promise<AccessTokenResponse> {
    return this.auth.login(dto);
  }

  @Get('me')
  @ApiOkResponse({ type: MeResponse })
  me(@CurrentActor() actor: Actor): Promise<MeResponse> {
    return this.auth.describe(actor);
  }
}
