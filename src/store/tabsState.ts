// The shape of the tabs slice (tabsSlice.ts); playgroundState.ts lists it beside the others.
import type {
  RequestFields,
  ResponseOutcome,
  SignedRequest,
  SnapshotOptions,
} from './playgroundState';

/**
 * What a tab holds while another one is on screen (tabsSlice.ts). The tab on screen keeps its
 * state in the request, options, response and signing slices, so the rest of the page reads
 * those and never knows about tabs.
 */
export interface ParkedTab {
  /** Every field of the request slice (whatever fields it has), without its actions. */
  request: RequestFields;
  options: SnapshotOptions;
  outcome: ResponseOutcome;
  /** Its last live signing: switching back shows its steps at once, before signing again. */
  live: SignedRequest | null;
  /**
   * The local gateway's base URL when the tab was parked: if the gateway moved since (another
   * GATEWAY_PORT), the tab's URL moves with it when shown, as the one on screen does.
   */
  gatewayUrl: string;
}

export interface OpenTab {
  id: string;
  /** null for the tab on screen. */
  parked: ParkedTab | null;
}

/** The open requests (tabsSlice.ts). Credentials, transport and gateway are the page's, not a tab's. */
export interface TabsSlice {
  /** In the tab bar's order; never empty, at most MAX_TABS. */
  list: OpenTab[];
  activeId: string;
  /** Opens a fresh tab after the others and shows it; false when MAX_TABS are open already. */
  openNew(): boolean;
  /** Shows a tab: the one on screen is parked, this one's state goes into the slices. */
  select(id: string): void;
  /** The next or previous tab, wrapping around. */
  selectNext(): void;
  selectPrevious(): void;
  /** Closes a tab; its neighbour is shown if it was on screen, and a fresh tab replaces the last. */
  close(id: string): void;
}
