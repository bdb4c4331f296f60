import { describe, expect, it } from 'vitest';
import { detectScope } from './detectScope';

const scope = (url: string) => {
  const { kind, region, service } = detectScope(url);
  return { kind, region, service };
};

describe('detectScope', () => {
  it('reads API Gateway hosts, private APIs included', () => {
    expect(scope('https://42mydti3lg.execute-api.ca-central-1.amazonaws.com/prod/hello')).toEqual({
      kind: 'execute-api',
      region: 'ca-central-1',
      service: 'execute-api',
    });
    expect(scope('https://a1b2c3d4e5.execute-api.us-gov-west-1.amazonaws.com/')).toEqual({
      kind: 'execute-api',
      region: 'us-gov-west-1',
      service: 'execute-api',
    });
    expect(
      scope('https://a1b2c3d4e5-vpce-0123456789abcdef0.execute-api.eu-west-1.amazonaws.com/dev'),
    ).toMatchObject({ kind: 'execute-api', region: 'eu-west-1' });
    expect(scope('https://a1b2c3d4e5.execute-api.cn-north-1.amazonaws.com.cn/prod')).toMatchObject({
      kind: 'execute-api',
      region: 'cn-north-1',
    });
    expect(detectScope('https://42mydti3lg.execute-api.ca-central-1.amazonaws.com/').note).toBe(
      'API Gateway in ca-central-1: signing name execute-api.',
    );
  });

  it('reads Lambda function URLs as service lambda', () => {
    expect(
      scope('https://abcdefghij1234567890klmnopqrstuv.lambda-url.us-west-2.on.aws/path?x=1'),
    ).toEqual({ kind: 'lambda-url', region: 'us-west-2', service: 'lambda' });
  });

  it.each([
    ['https://my-bucket.s3.us-west-2.amazonaws.com/photos/cat.jpg', 'us-west-2'],
    ['https://s3.eu-central-1.amazonaws.com/my-bucket/key', 'eu-central-1'],
    ['https://my-bucket.s3-eu-west-1.amazonaws.com/key', 'eu-west-1'],
    ['https://s3-ap-southeast-2.amazonaws.com/my-bucket/key', 'ap-southeast-2'],
    ['https://s3.amazonaws.com/my-bucket/key', 'us-east-1'],
    ['https://my-bucket.s3.amazonaws.com/key', 'us-east-1'],
    ['https://s3-external-1.amazonaws.com/my-bucket', 'us-east-1'],
    ['https://my.dotted.bucket.s3.us-east-2.amazonaws.com/key', 'us-east-2'],
    ['https://my-bucket.s3.dualstack.ap-northeast-1.amazonaws.com/key', 'ap-northeast-1'],
    ['https://s3.dualstack.us-west-1.amazonaws.com/my-bucket', 'us-west-1'],
    ['https://my-bucket.s3-fips.us-gov-west-1.amazonaws.com/key', 'us-gov-west-1'],
    ['https://my-ap-123456789012.s3-accesspoint.us-west-2.amazonaws.com/key', 'us-west-2'],
    ['https://123456789012.s3-control.us-west-2.amazonaws.com/v20180820/jobs', 'us-west-2'],
    ['https://my-bucket.s3.cn-northwest-1.amazonaws.com.cn/key', 'cn-northwest-1'],
  ])('reads the S3 host of %s as region %s', (url, region) => {
    expect(scope(url)).toEqual({ kind: 's3', region, service: 's3' });
  });

  it('knows that S3 Transfer Acceleration hosts do not name the region', () => {
    const detected = detectScope('https://my-bucket.s3-accelerate.amazonaws.com/key');
    expect(detected).toMatchObject({ kind: 's3', service: 's3' });
    expect(detected.region).toBeUndefined();
    expect(detected.note).toMatch(/does not say the region/);
  });

  it('warns that S3 website endpoints take no signed requests', () => {
    const detected = detectScope('http://my-bucket.s3-website-us-east-1.amazonaws.com/');
    expect(detected).toMatchObject({ kind: 's3', region: 'us-east-1', service: 's3' });
    expect(detected.note).toMatch(/accepts no signed requests/);
    expect(scope('http://my-bucket.s3-website.eu-west-2.amazonaws.com/')).toMatchObject({
      region: 'eu-west-2',
    });
  });

  it.each([
    ['https://dynamodb.us-east-1.amazonaws.com/', 'dynamodb', 'us-east-1'],
    ['https://sts.eu-west-3.amazonaws.com/?Action=GetCallerIdentity', 'sts', 'eu-west-3'],
    ['https://sqs.ap-south-1.amazonaws.com/123456789012/my-queue', 'sqs', 'ap-south-1'],
    ['https://logs.ca-central-1.amazonaws.com/', 'logs', 'ca-central-1'],
    ['https://monitoring.sa-east-1.amazonaws.com/', 'monitoring', 'sa-east-1'],
    ['https://dynamodb-fips.us-gov-east-1.amazonaws.com/', 'dynamodb', 'us-gov-east-1'],
    ['https://dynamodb.us-east-1.api.aws/', 'dynamodb', 'us-east-1'],
    ['https://email.us-east-1.amazonaws.com/v2/email/outbound-emails', 'ses', 'us-east-1'],
    ['https://bedrock-runtime.us-west-2.amazonaws.com/model/x/invoke', 'bedrock', 'us-west-2'],
    [
      'https://runtime.sagemaker.eu-west-1.amazonaws.com/endpoints/e/invocations',
      'sagemaker',
      'eu-west-1',
    ],
    ['https://streams.dynamodb.us-east-1.amazonaws.com/', 'dynamodb', 'us-east-1'],
    ['https://api.ecr.us-east-1.amazonaws.com/', 'ecr', 'us-east-1'],
    [
      'https://abcdefghijklmnopqrstuvwxyz.appsync-api.eu-west-2.amazonaws.com/graphql',
      'appsync',
      'eu-west-2',
    ],
    ['https://a3example-ats.iot.us-east-1.amazonaws.com/topics/t', 'iotdata', 'us-east-1'],
    ['https://iot.us-east-1.amazonaws.com/things', 'iot', 'us-east-1'],
    ['https://search-my-domain-abc123.us-west-1.es.amazonaws.com/_search', 'es', 'us-west-1'],
    ['https://abc123xyz.us-east-1.aoss.amazonaws.com/index/_doc', 'aoss', 'us-east-1'],
    ['https://vpce-0123-abcd.dynamodb.us-east-1.vpce.amazonaws.com/', 'dynamodb', 'us-east-1'],
    ['https://iam.amazonaws.com/?Action=ListUsers', 'iam', 'us-east-1'],
    ['https://sts.amazonaws.com/', 'sts', 'us-east-1'],
    ['https://iam.amazonaws.com.cn/', 'iam', 'cn-north-1'],
    ['https://ec2.cn-north-1.amazonaws.com.cn/', 'ec2', 'cn-north-1'],
  ])('reads %s as service %s in %s', (url, service, region) => {
    expect(scope(url)).toEqual({ kind: 'aws-service', region, service });
  });

  it('names the service but not the region of a legacy regionless host', () => {
    // The signing vectors' host: the service is "example", and the region is the caller's choice.
    expect(scope('https://example.amazonaws.com/')).toEqual({
      kind: 'aws-service',
      region: undefined,
      service: 'example',
    });
  });

  it('says nothing about local addresses, and points at the local gateway', () => {
    for (const url of [
      'http://127.0.0.1:5174/prod/hello',
      'http://localhost:3000/',
      'http://[::1]:8080/x',
      'http://api.localhost/',
    ]) {
      expect(scope(url), url).toEqual({ kind: 'local', region: undefined, service: undefined });
    }
    expect(detectScope('http://127.0.0.1:5174/prod/hello').note).toMatch(
      /ca-central-1.*execute-api/,
    );
  });

  it('knows the local gateway’s scope from its port, under either loopback name', () => {
    const gateway = 'http://127.0.0.1:5174/prod';
    for (const url of ['http://127.0.0.1:5174/prod/hello', 'http://localhost:5174/other']) {
      expect(detectScope(url, gateway)).toMatchObject({
        kind: 'local-gateway',
        region: 'ca-central-1',
        service: 'execute-api',
      });
    }
    for (const url of ['http://127.0.0.1:5173/prod/hello', 'https://127.0.0.1:5174/x']) {
      expect(detectScope(url, gateway).kind, url).toBe('local');
    }
    // A gateway configured on a non-local host is not guessed at.
    expect(detectScope('http://127.0.0.1:80/x', 'http://gateway.example.com/prod').kind).toBe(
      'local',
    );
  });

  it('knows the local gateway’s STS path: service sts, signed for us-east-1', () => {
    const gateway = 'http://127.0.0.1:5174/prod';
    for (const url of ['http://127.0.0.1:5174/sts/', 'http://localhost:5174/sts']) {
      expect(detectScope(url, gateway), url).toMatchObject({
        kind: 'local-gateway',
        region: 'us-east-1',
        service: 'sts',
      });
    }
    expect(detectScope('http://127.0.0.1:5174/stsx', gateway).service).toBe('execute-api');
    expect(detectScope('http://127.0.0.1:5173/sts/', gateway).kind).toBe('local');
  });

  it('asks for region and service on a custom domain', () => {
    for (const url of [
      'https://api.example.com/v1/orders',
      'https://d111111abcdef8.cloudfront.net/',
      'https://amazonaws.com.evil.example/',
      'https://myfunction.on.aws/',
    ]) {
      expect(detectScope(url), url).toEqual({
        kind: 'custom',
        note: 'A custom domain does not say its region and service: choose them.',
      });
    }
  });

  it('calls text without a scheme or host invalid', () => {
    for (const text of ['', 'execute-api.us-east-1.amazonaws.com/prod', 'https://', 'not a url']) {
      expect(detectScope(text).kind, text).toBe('invalid');
    }
  });

  it('ignores case, user info, a port and a trailing dot in the host', () => {
    expect(
      scope('HTTPS://user:pw@42MYDTI3LG.Execute-Api.US-EAST-1.AmazonAWS.com.:443/prod'),
    ).toEqual({ kind: 'execute-api', region: 'us-east-1', service: 'execute-api' });
  });
});
