import { Page } from '../../common/http/pagination';
import { NotificationResponse } from '../../notifications/notification.dto';
import { NOTIFICATION_RULES, NOTIFICATION_STATUSES } from '../../notifications/notification.entity';
import { ParticipantResponse } from '../../participants/participant.dto';
import { FieldErrors } from '../shared/forms';
import { SelectField } from '../shared/form-fields';
import { Layout } from '../shared/layout';
import { PageContext } from '../shared/page-context';
import { isoOf } from '../shared/time';
import { ScrollTable } from './admin-parts';
import { Pager, hrefOf } from '../shared/pager';
import { notificationTexts } from './notifications.messages';

/** The outbox's filters as the page shows them. */
export interface OutboxFilters {
  status: string;
  rule: string;
  participant: ParticipantResponse | null;
}

/** `2025-11-18 05:00 UTC`: the outbox's instants belong to no stage, so they are told in UTC. */
function Instant({ at }: { at: Date }) {
  const iso = isoOf(at);
  return <time dateTime={iso}>{`${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`}</time>;
}

/** The instant that matters now: when it was sent, else when it is tried next, else when it was due. */
function When({ row, page }: { row: NotificationResponse; page: PageContext }) {
  const t = notificationTexts(page.locale);
  const [label, at] = row.sentAt
    ? [t.sentAt, row.sentAt]
    : row.status === 'pending' || row.status === 'sending'
      ? [t.nextAttempt, row.nextAttemptAt]
      : [t.due, row.dueAt];
  return (
    <>
      {label} <Instant at={at} />
    </>
  );
}

export function NotificationsPage({
  page,
  filters,
  errors,
  notifications,
}: {
  page: PageContext;
  filters: OutboxFilters;
  errors?: FieldErrors;
  notifications: Page<NotificationResponse>;
}) {
  const t = notificationTexts(page.locale);
  const participantId = filters.participant?.id;
  return (
    <Layout page={page} title={t.title} wide>
      <h1>{t.title}</h1>
      <p class="muted">{t.intro}</p>
      {filters.participant && (
        <p>
          {t.forParticipant(filters.participant.fullName)}{' '}
          <a href={hrefOf('/admin/notifications', { status: filters.status, rule: filters.rule })}>
            {t.showEveryone}
          </a>
        </p>
      )}
      <form method="get" action="/admin/notifications" class="search-form" aria-label={t.filters}>
        {participantId && <input type="hidden" name="participantId" value={participantId} />}
        <SelectField
          name="status"
          label={t.status}
          value={filters.status}
          options={[
            { value: '', label: t.any },
            ...NOTIFICATION_STATUSES.map((status) => ({
              value: status,
              label: t.statusName(status),
            })),
          ]}
          errors={errors}
        />
        <SelectField
          name="rule"
          label={t.rule}
          value={filters.rule}
          options={[
            { value: '', label: t.any },
            ...NOTIFICATION_RULES.map((rule) => ({ value: rule, label: t.ruleName(rule) })),
          ]}
          errors={errors}
        />
        <button type="submit">{t.apply}</button>
      </form>
      {notifications.total === 0 ? (
        <p>{t.empty}</p>
      ) : (
        <ScrollTable label={t.listLabel}>
          <thead>
            <tr>
              <th scope="col">{t.columnRecipient}</th>
              <th scope="col">{t.columnRule}</th>
              <th scope="col">{t.columnStatus}</th>
              <th scope="col">{t.columnAttempts}</th>
              <th scope="col">{t.columnWhen}</th>
              <th scope="col">{t.columnProblem}</th>
            </tr>
          </thead>
          <tbody>
            {notifications.items.map((row) => (
              <tr key={row.id} class={`outbox-${row.status}`}>
                <td>
                  {row.email}
                  <br />
                  <span class="muted">{row.subject}</span>
                </td>
                <td>{t.ruleName(row.rule)}</td>
                <td>
                  <span class={row.status === 'failed' ? 'badge badge-warn' : 'badge'}>
                    {t.statusName(row.status)}
                  </span>
                </td>
                <td>{row.attempts}</td>
                <td>
                  <When row={row} page={page} />
                </td>
                <td>{row.lastError ?? row.reason ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
      <Pager
        list={notifications}
        hrefAt={(offset) =>
          hrefOf('/admin/notifications', {
            status: filters.status,
            rule: filters.rule,
            participantId,
            offset,
          })
        }
        label={t.listLabel}
        locale={page.locale}
      />
    </Layout>
  );
}
