export declare const DASHBOARD_VIEW_PARAMS: string[];
export declare const DEFAULT_STATE: string;
export declare function defaultViewRewrites(): {
  source: string;
  missing: { type: 'query'; key: string }[];
  destination: string;
}[];
