import { create } from 'zustand';

/**
 * Placeholder store until the playground page lands: the request being signed.
 * The page issue splits this into request, credentials, options and response slices.
 */
export interface RequestState {
  method: string;
  url: string;
  body: string;
  setField: <K extends 'method' | 'url' | 'body'>(key: K, value: RequestState[K]) => void;
}

export const useRequestStore = create<RequestState>()((set) => ({
  method: 'POST',
  url: 'http://127.0.0.1:5174/prod/hello',
  body: '{"hello":"world"}',
  setField: (key, value) => set({ [key]: value }),
}));
