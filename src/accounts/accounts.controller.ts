import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
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
  InvitationResponse,
  InviteDto,
  ListAccountsQuery,
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
  @Post('invitations/accept')
  @HttpCode(200)
  @ApiOkResponse({ type: AccessTokenResponse, description: 'Password set; signed in' })
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
