// STS's query API: the requests the page signs for "Assume role" and "Who am I?", and their answers.
export {
  LOCAL_STS_PATH,
  STS_API_VERSION,
  STS_GLOBAL_ENDPOINT,
  STS_GLOBAL_SIGNING_REGION,
} from './endpoints';
export {
  buildAssumeRoleRequest,
  buildGetCallerIdentityRequest,
  MAX_DURATION_SECONDS,
  MIN_DURATION_SECONDS,
} from './requests';
export type { AssumeRoleParams, EndpointOption, StsRequest, StsRequestResult } from './requests';
export {
  decodeXmlText,
  explainStsError,
  MAX_STS_RESPONSE_LENGTH,
  parseAssumeRoleResponse,
  parseGetCallerIdentityResponse,
  parseStsError,
} from './responses';
export type { AssumedRoleCredentials, CallerIdentity, StsError, StsResult } from './responses';
