import {
  Body,
  Controller,
  Get,
  HttpCode,
  Patch,
  Post,
  Put,
  Query,
  UseGuards,
} from '@nestjs/common';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { Actor } from '../auth/actor';
import { CurrentActor, Public, Roles } from '../auth/auth.decorators';
import { AccessTokenResponse } from '../auth/auth.dto';
import { AuthService } from '../auth/auth.service';
import { IdParam } from '../common/http/id-param';
import { Page, PageOf } from '../common/http/pagination';
import {
  AcceptInvitationDto,
  AccountResponse,
  ChangePasswordDto,
  InvitationResponse,
  InviteDto,
  ListAccountsQuery,
  PasswordResetDto,
  PasswordResetResponse,
  UpdateAccountDto,
} from './account.dto';
import { AccountsService } from './accounts.service';

@ApiTags('accounts')
@ApiBadRequestResponse({ description: 'Invalid input; every problem is listed' })
@Controller()
export class AccountsController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly auth: AuthService,
  ) {}

  @Post('invitations')
  @Roles('organizer')
  @ApiCreatedResponse({ type: InvitationResponse })
  @ApiNotFoundResponse({ description: 'No such participant, mentor or stage' })
  @ApiConflictResponse({ description: 'The email, participant or mentor has an account already' })
  invite(@CurrentActor() actor: Actor, @Body() dto: InviteDto): Promise<InvitationResponse> {
    return this.accounts.invite(actor, dto);
  }

  @Public()
  @UseGuards(ThrottlerGuard)
  @SkipThrottle({ account: true, addressAndAccount: true })
  @Post('invitations/accept')
  @HttpCode(200)
  @ApiOkResponse({ type: AccessTokenResponse, description: 'Password set; signed in' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts from this address' })
  async accept(@Body() dto: AcceptInvitationDto): Promise<AccessTokenResponse> {
    return this.auth.issueToken(await this.accounts.acceptInvitation(dto));
  }

  @Public()
  @UseGuards(ThrottlerGuard)
  @Post('auth/password-reset')
  @HttpCode(202)
  @ApiAcceptedResponse({
    type: PasswordResetResponse,
    description: 'The same answer whether or not the address has an account',
  })
  @ApiTooManyRequestsResponse({
    description: 'Too many requests from this address, or for this account',
  })
  async requestPasswordReset(@Body() dto: PasswordResetDto): Promise<PasswordResetResponse> {
    await this.accounts.requestPasswordReset(dto.email);
    return {
      message: 'If an active account has this address, a link to set a new password is on its way',
    };
  }

  @Get('accounts')
  @Roles('organizer')
  @ApiOkResponse({ type: PageOf(AccountResponse) })
  list(
    @CurrentActor() actor: Actor,
    @Query() query: ListAccountsQuery,
  ): Promise<Page<AccountResponse>> {
    return this.accounts.list(actor, query);
  }

  @Get('accounts/:id')
  @Roles('organizer')
  @ApiOkResponse({ type: AccountResponse })
  @ApiNotFoundResponse()
  get(@CurrentActor() actor: Actor, @IdParam() id: number): Promise<AccountResponse> {
    return this.accounts.get(actor, id);
  }

  @Patch('accounts/:id')
  @Roles('organizer')
  @ApiOkResponse({ type: AccountResponse })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'An organizer cannot deactivate its own account' })
  update(
    @CurrentActor() actor: Actor,
    @IdParam() id: number,
    @Body() dto: UpdateAccountDto,
  ): Promise<AccountResponse> {
    return this.accounts.update(actor, id, dto);
  }

  @Put('me/password')
  @ApiOkResponse({
    type: AccessTokenResponse,
    description: 'Password changed; tokens issued before stop working, this new one works',
  })
  async changePassword(
    @CurrentActor() actor: Actor,
    @Body() dto: ChangePasswordDto,
  ): Promise<AccessTokenResponse> {
    return this.auth.issueToken(await this.accounts.changePassword(actor, dto));
  }

  @Post('accounts/:id/invitations')
  @Roles('organizer')
  @ApiCreatedResponse({
    type: InvitationResponse,
    description: 'A new link; older ones stop working',
  })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'The account is deactivated: reactivate it first' })
  reinvite(@CurrentActor() actor: Actor, @IdParam() id: number): Promise<InvitationResponse> {
    return this.accounts.reinvite(actor, id);
  }
}
