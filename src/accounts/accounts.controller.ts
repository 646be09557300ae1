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
  invite(@Body() dto: InviteDto, @CurrentActor() actor: Actor): Promise<InvitationResponse> {
    return this.accounts.invite(dto, actor.accountId);
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

  @Get('accounts')
  @Roles('organizer')
  @ApiOkResponse({ type: PageOf(AccountResponse) })
  list(@Query() query: ListAccountsQuery): Promise<Page<AccountResponse>> {
    return this.accounts.list(query);
  }

  @Get('accounts/:id')
  @Roles('organizer')
  @ApiOkResponse({ type: AccountResponse })
  @ApiNotFoundResponse()
  get(@IdParam() id: number): Promise<AccountResponse> {
    return this.accounts.get(id);
  }

  @Patch('accounts/:id')
  @Roles('organizer')
  @ApiOkResponse({ type: AccountResponse })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'An organizer cannot deactivate its own account' })
  update(
    @IdParam() id: number,
    @Body() dto: UpdateAccountDto,
    @CurrentActor() actor: Actor,
  ): Promise<AccountResponse> {
    return this.accounts.update(id, dto, actor);
  }

  @Put('me/password')
  @ApiOkResponse({
    type: AccessTokenResponse,
    description: 'Password changed; tokens issued before stop working, this new one works',
  })
  async changePassword(
    @Body() dto: ChangePasswordDto,
    @CurrentActor() actor: Actor,
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
  reinvite(@IdParam() id: number, @CurrentActor() actor: Actor): Promise<InvitationResponse> {
    return this.accounts.reinvite(id, actor.accountId);
  }
}
