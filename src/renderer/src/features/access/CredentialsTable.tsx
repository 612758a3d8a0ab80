import type { Credential } from '../../../../shared/domain';
import { useCommunityTime } from '../../components/community-time';
import { CredentialStatusBadge } from '../../components/CredentialStatusBadge';
import { accessTypeLabel, credentialKindLabel, notificationLabel, visitLine } from '../../components/labels';
import { formatPhone } from '../../../../shared/phone-format';
import { unitHref } from '../units/unit-link';
import { textWaitShortWords, useTextWait } from '../../components/text-wait';
import '../../components/tables.css';

interface Props {
  credentials: readonly Credential[];
  caption: string;
}

/** One page of credentials across the community; each row links to its unit. */
export function CredentialsTable({ credentials, caption }: Props) {
  const time = useCommunityTime();
  const textWait = useTextWait();
  return (
    <table className="data-table credentials-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Guest</th>
          <th scope="col">Unit</th>
          <th scope="col">Access</th>
          <th scope="col">Window</th>
          <th scope="col">Status</th>
          <th scope="col">Text</th>
          <th scope="col">Granted</th>
        </tr>
      </thead>
      <tbody>
        {credentials.map((c) => (
          <tr key={c.id}>
            <th scope="row">
              <span className="credentials-table__name">{c.guest.name}</span>
              {c.guest.company && <span className="credentials-table__sub">{c.guest.company}</span>}
              {c.guest.phone && <span className="credentials-table__sub">{formatPhone(c.guest.phone)}</span>}
            </th>
            <td>
              <a className="credentials-table__unit" href={unitHref(c.unitId)}>
                {c.buildingName} {c.unitNumber}
              </a>
            </td>
            <td className="credentials-table__nowrap">
              {credentialKindLabel(c.kind)}
              <span className="credentials-table__sub">{accessTypeLabel(c.schedule.type)}</span>
              {c.visit && <span className="credentials-table__sub">{visitLine(c.visit.units)}</span>}
            </td>
            <td>{c.scheduleText}</td>
            <td>
              <CredentialStatusBadge status={c.status} />
              {c.reissuedAs && <span className="credentials-table__sub">Replaced with new dates</span>}
            </td>
            <td className="credentials-table__text">
              {notificationLabel(c.notification.status)}
              {c.notification.requests > 1 && <span className="credentials-table__sub">{c.notification.requests} texts</span>}
              {c.notification.status === 'queued' && textWait && <span className="credentials-table__sub">{textWaitShortWords[textWait]}</span>}
            </td>
            <td className="credentials-table__nowrap">
              {time.dateTime(c.createdAt)}
              <span className="credentials-table__sub">{c.createdBy}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
