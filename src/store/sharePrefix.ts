/** What starts a share link's fragment (shareLink.ts): apart, so the page can look for one cheaply. */
export const SHARE_PREFIX = '#share=';
