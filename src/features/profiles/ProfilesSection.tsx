import './profiles.css';
import { useId, useState, type ReactNode } from 'react';
import { PasteField } from '../../components/ui/PasteField';
import { usePlaygroundStore } from '../../store/usePlaygroundStore';
import type { ProfileEntry } from '../../store/profilesState';
import { ExpiryFlagView } from './ExpiryFlagView';

export interface ProfilesSectionProps {
  /**
   * What goes beside a role profile: the IDENTITY feature's "Assume role" / "Refresh"
   * (features/identity). Without it, a role profile only says it must be assumed first.
   */
  renderRoleAction?: (name: string) => ReactNode;
}

/** The largest file read from a file input: readAwsProfiles refuses more than 1 MiB anyway. */
const MAX_PICKED_BYTES = 1024 * 1024;

interface ImportReport {
  added: string[];
  problems: string[];
}

/** A labelled text box with a "Choose file" beside it, for one of the two AWS files. */
function AwsFileField({
  label,
  example,
  value,
  onChange,
  onError,
}: {
  label: string;
  example: string;
  value: string;
  onChange: (text: string) => void;
  onError: (message: string) => void;
}) {
  const id = useId();
  return (
    <div className="aws-file-field">
      <PasteField
        id={id}
        label={label}
        rows={4}
        placeholder={example}
        value={value}
        onChange={onChange}
      />
      <label className="button small-button file-button">
        Choose {label.toLowerCase()}
        <input
          type="file"
          className="file-input"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file === undefined) return;
            if (file.size > MAX_PICKED_BYTES) {
              onError(`${file.name} is larger than 1 MiB; it was not read.`);
              return;
            }
            file
              .text()
              .then(onChange, (error: unknown) =>
                onError(
                  `${file.name} could not be read: ${error instanceof Error ? error.message : String(error)}`,
                ),
              );
          }}
        />
      </label>
    </div>
  );
}

/** What a profile is, in words: never its secret key or session token. */
function ProfileDetails({ entry }: { entry: ProfileEntry }) {
  const details: ReactNode[] = [];
  if (entry.kind === 'keys') {
    details.push(
      <>
        Access key <code>{entry.accessKeyId}</code>
        {entry.sessionToken !== undefined && ' with a session token'}
      </>,
    );
  }
  if (entry.kind === 'assume-role') {
    details.push(
      <>
        Role <code>{entry.roleArn}</code> from profile <strong>{entry.sourceProfile}</strong>
      </>,
    );
    if (entry.mfaSerial !== undefined)
      details.push(
        <>
          MFA device <code>{entry.mfaSerial}</code>
        </>,
      );
    if (entry.externalId !== undefined)
      details.push(
        <>
          external ID <code>{entry.externalId}</code>
        </>,
      );
    if (entry.durationSeconds !== undefined) details.push(<>{entry.durationSeconds} s sessions</>);
  }
  if (entry.region !== undefined)
    details.push(
      <>
        region <code>{entry.region}</code>
      </>,
    );
  return (
    <>
      {details.length > 0 && (
        <p className="profile-details">
          {details.map((detail, index) => (
            <span key={index}>
              {index > 0 && ' · '}
              {detail}
            </span>
          ))}
        </p>
      )}
      {entry.note !== undefined && <p className="hint">{entry.note}</p>}
    </>
  );
}

const KIND_TAGS: Record<ProfileEntry['kind'], string> = {
  keys: 'keys',
  'assume-role': 'assume role',
  unsupported: 'unsupported',
};

function ProfileItem({
  entry,
  renderRoleAction,
}: {
  entry: ProfileEntry;
  renderRoleAction: ProfilesSectionProps['renderRoleAction'];
}) {
  const remove = usePlaygroundStore((s) => s.profiles.remove);
  const { name, kind, assumed } = entry;
  return (
    <li className="profile" aria-label={`Profile ${name}`}>
      <div className="profile-head">
        <strong className="profile-name">{name}</strong>
        <span className={`tag profile-kind profile-kind-${kind}`}>{KIND_TAGS[kind]}</span>
        <button
          type="button"
          className="small-button"
          aria-label={`Remove profile ${name}`}
          onClick={() => remove(name)}
        >
          Remove
        </button>
      </div>
      <ProfileDetails entry={entry} />
      {kind === 'keys' && entry.expiration !== undefined && (
        <ExpiryFlagView expiration={entry.expiration} whose="Its keys" explain={false} />
      )}
      {kind === 'assume-role' && assumed === undefined && (
        <p className="hint">Profile {name} is a role: assume it first to sign with it.</p>
      )}
      {/* The role action (when there is one) says this itself, with its Refresh. */}
      {kind === 'assume-role' && assumed !== undefined && renderRoleAction === undefined && (
        <>
          <p className="profile-details">
            Assumed: signs with <code>{assumed.accessKeyId}</code> and its session token.
          </p>
          <ExpiryFlagView expiration={assumed.expiration} whose="The role's keys" explain={false} />
        </>
      )}
      {kind === 'assume-role' && (
        <div className="profile-role-action" data-slot="role-action">
          {renderRoleAction?.(name)}
        </div>
      )}
    </li>
  );
}

/**
 * Profiles from AWS's own files: paste or pick ~/.aws/credentials and ~/.aws/config, read them as
 * the AWS CLI does (readAwsProfiles), list what was read — never a secret — and remove them.
 * Held in this tab's memory only (the vault may keep them, encrypted).
 */
export function ProfilesSection({ renderRoleAction }: ProfilesSectionProps) {
  const list = usePlaygroundStore((s) => s.profiles.list);
  const importProfiles = usePlaygroundStore((s) => s.profiles.importProfiles);
  const replaceAll = usePlaygroundStore((s) => s.profiles.replaceAll);
  const [credentials, setCredentials] = useState('');
  const [config, setConfig] = useState('');
  const [report, setReport] = useState<ImportReport | null>(null);
  const read = () => {
    const result = importProfiles({ credentials, config });
    setReport(result);
    // The pasted text holds secret keys: it does not stay in the page once read.
    if (result.added.length > 0) {
      setCredentials('');
      setConfig('');
    }
  };
  const fileError = (message: string) => setReport({ added: [], problems: [message] });
  return (
    <section className="profiles" aria-labelledby="profiles-title">
      <h3 id="profiles-title">Profiles from AWS files</h3>
      <p className="hint">
        Paste or choose your credentials and config files: every profile is listed, and “Sign with”
        picks one. They stay in this tab’s memory.
      </p>
      <div className="aws-files">
        <AwsFileField
          label="Credentials file"
          example={'[default]\naws_access_key_id = AKIA…\naws_secret_access_key = …'}
          value={credentials}
          onChange={setCredentials}
          onError={fileError}
        />
        <AwsFileField
          label="Config file"
          example={
            '[profile reader]\nrole_arn = arn:aws:iam::…:role/reader\nsource_profile = default'
          }
          value={config}
          onChange={setConfig}
          onError={fileError}
        />
      </div>
      <div className="profiles-actions">
        <button
          type="button"
          disabled={credentials.trim() === '' && config.trim() === ''}
          onClick={read}
        >
          Read profiles
        </button>
        {list.length > 0 && (
          <button
            type="button"
            className="small-button"
            onClick={() => {
              replaceAll([]);
              setReport(null);
            }}
          >
            Clear all profiles
          </button>
        )}
      </div>
      <div role="status" className="profiles-report">
        {report !== null && (
          <>
            <p>
              {report.added.length === 0
                ? 'No profile was read.'
                : `Read ${report.added.length} profile${report.added.length === 1 ? '' : 's'}: ${report.added.join(', ')}.`}
            </p>
            {report.problems.length > 0 && (
              <ul className="profiles-problems" aria-label="Problems reading the files">
                {report.problems.map((problem, index) => (
                  <li key={index}>{problem}</li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
      {list.length > 0 && (
        <ul className="profile-list" aria-label="Profiles">
          {list.map((entry) => (
            <ProfileItem key={entry.name} entry={entry} renderRoleAction={renderRoleAction} />
          ))}
        </ul>
      )}
    </section>
  );
}
