// The name of the local gateway's decision header, on its own: the page checks an answer for it
// in the main bundle, while the trace's decoder (iamDecisionTrace.ts) loads only with the view.

/** The response header carrying the trace (lower case, as fetch's Headers give it). */
export const IAM_DECISION_HEADER = 'x-playground-iam-decision';
