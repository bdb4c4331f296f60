import './request.css';
import type { ScopeValue } from '../../store/planSigning';
import { selectSigningPlan } from '../../store/selectSigningPlan';
import { usePlaygroundStore } from '../../store/usePlaygroundStore';
import { FieldIssues } from '../../components/ui/FieldIssues';

const REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'ca-central-1',
  'ca-west-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-central-1',
  'eu-central-2',
  'eu-north-1',
  'eu-south-1',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-south-1',
  'sa-east-1',
  'me-central-1',
  'af-south-1',
];
const SERVICES = [
  'execute-api',
  'lambda',
  's3',
  'sts',
  'dynamodb',
  'sqs',
  'sns',
  'es',
  'aoss',
  'bedrock',
  'appsync',
];

interface ScopeFieldProps {
  id: string;
  label: string;
  field: 'region' | 'service';
  scope: ScopeValue;
  options: string[];
  onChange(value: string | null): void;
}

function ScopeField({ id, label, field, scope, options, onChange }: ScopeFieldProps) {
  return (
    <div className="field field-grow">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="mono"
        list={`${id}-options`}
        value={scope.value}
        onChange={(event) => onChange(event.target.value)}
        autoComplete="off"
        spellCheck={false}
        aria-describedby={`${id}-source ${id}-issues`}
      />
      <datalist id={`${id}-options`}>
        {options.map((option) => (
          <option key={option} value={option} />
        ))}
      </datalist>
      {/* Always one line tall, so typing never moves the fields below. */}
      <div className="hint scope-source" id={`${id}-source`}>
        {scope.source === 'detected' && 'detected from the host'}
        {scope.source === 'override' && scope.detected !== undefined && (
          <>
            {scope.detected === scope.value ? 'same as the host' : `host says ${scope.detected}`}{' '}
            <button type="button" className="link-button" onClick={() => onChange(null)}>
              use detected
            </button>
          </>
        )}
        {scope.source === 'override' && scope.detected === undefined && 'chosen by you'}
      </div>
      <FieldIssues fields={[field]} id={`${id}-issues`} />
    </div>
  );
}

/** Region and service of the credential scope, read from the host when it tells them. */
export function ScopeFields() {
  const scope = usePlaygroundStore((s) => selectSigningPlan(s).scope);
  const setField = usePlaygroundStore((s) => s.request.setField);
  const sigv4a = usePlaygroundStore((s) => s.options.algorithm === 'sigv4a');
  const { detected } = scope;
  return (
    <div className="scope">
      <div className="field-row">
        <ScopeField
          id="region"
          label="Region"
          field="region"
          scope={scope.region}
          options={REGIONS}
          onChange={(value) => setField('regionOverride', value)}
        />
        <ScopeField
          id="service"
          label="Service"
          field="service"
          scope={scope.service}
          options={SERVICES}
          onChange={(value) => setField('serviceOverride', value)}
        />
      </div>
      {detected.note !== '' && <p className="hint scope-note">{detected.note}</p>}
      {sigv4a && (
        <p className="hint scope-note">
          SigV4A: the credential scope has no region; the region set in Signing options says where
          the signature is valid (this region when left empty).
        </p>
      )}
    </div>
  );
}
