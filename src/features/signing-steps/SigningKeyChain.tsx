import type { SigningResult } from '../../signing';

interface SigningKeyChainProps {
  result: SigningResult;
  secretAccessKey: string;
  secretVisible: boolean;
}

/** kSecret → kDate → kRegion → kService → kSigning, each HMAC with its key, data and output. */
export function SigningKeyChain({ result, secretAccessKey, secretVisible }: SigningKeyChainProps) {
  const [dateStamp = '', region = '', service = '', terminator = ''] =
    result.credentialScope.split('/');
  const chain = result.signingKeyChain;
  // The same number of dots as characters: a truncated paste still shows, the secret does not.
  const kSecret = `AWS4${secretVisible ? secretAccessKey : '•'.repeat(secretAccessKey.length)}`;
  const steps = [
    {
      name: 'kDate',
      keyName: 'kSecret',
      key: kSecret,
      keyIsText: true,
      data: dateStamp,
      output: chain.kDate,
    },
    {
      name: 'kRegion',
      keyName: 'kDate',
      key: chain.kDate,
      keyIsText: false,
      data: region,
      output: chain.kRegion,
    },
    {
      name: 'kService',
      keyName: 'kRegion',
      key: chain.kRegion,
      keyIsText: false,
      data: service,
      output: chain.kService,
    },
    {
      name: 'kSigning',
      keyName: 'kService',
      key: chain.kService,
      keyIsText: false,
      data: terminator,
      output: chain.kSigning,
    },
  ];
  return (
    <ol className="key-chain">
      <li className="key-step">
        <div className="key-formula">
          <code>kSecret</code> = &quot;AWS4&quot; + secret access key
        </div>
        <dl>
          <dt>text</dt>
          <dd>
            <code className={secretVisible ? undefined : 'masked'}>{kSecret}</code>
          </dd>
        </dl>
      </li>
      {steps.map((step) => (
        <li key={step.name} className="key-step">
          <div className="key-formula">
            <code>{step.name}</code> = HMAC-SHA256(<code>{step.keyName}</code>, &quot;{step.data}
            &quot;)
          </div>
          <dl>
            <dt>key</dt>
            <dd>
              <code className={step.keyIsText && !secretVisible ? 'masked' : 'muted-code'}>
                {step.key}
              </code>
              {step.keyIsText && <span className="muted"> (UTF-8 bytes)</span>}
            </dd>
            <dt>data</dt>
            <dd>
              <code>{step.data}</code>
            </dd>
            <dt>output</dt>
            <dd>
              <code className="hex">{step.output}</code>
            </dd>
          </dl>
        </li>
      ))}
    </ol>
  );
}
