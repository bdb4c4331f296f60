// Which of the gateway's policies the "Gateway policies" panel shows, and why: opened by hand, or
// by "Why was this denied?" after a 403 (the statement to change, and a suggested statement).
// A store of its own rather than a slice of the playground's: nothing here is saved or shared, and
// the decision view and the panel that use it are both loaded only when needed.
import { create } from 'zustand';
import type { StatementSuggestion } from '../diagnosis/suggestStatement';

export interface PolicyFocus {
  /** targetKey of the policy: identity:demo, role:reader, resource. */
  target: string;
  /** The statement to look at (its index in the policy), when one is known. */
  statement?: number;
  suggestion?: StatementSuggestion;
}

interface GatewayPoliciesFocusState {
  open: boolean;
  focus: PolicyFocus | undefined;
  /** Counts requests to show a focus, so asking twice for the same one scrolls again. */
  asked: number;
  setOpen(open: boolean): void;
  showPolicy(focus: PolicyFocus): void;
}

export const useGatewayPoliciesFocus = create<GatewayPoliciesFocusState>()((set) => ({
  open: false,
  focus: undefined,
  asked: 0,
  setOpen: (open) => set({ open }),
  showPolicy: (focus) => set((state) => ({ open: true, focus, asked: state.asked + 1 })),
}));
