// The tab bar's stylesheet is the first view's, so its placeholder has the bar's height.
import './tabs.css';
import { lazyAfterFirstPaint } from '../../components/ui/lazyAfterFirstPaint';

// The tabs' list, keys and shortcuts load once the first signature is painted: the first view
// signs the tab it shows, and the store keeps the tabs from the start.
const TabBar = lazyAfterFirstPaint(() => import('./TabBar').then((module) => module.TabBar), false);

/** The tab bar, and until it is there an empty tab of the same height above the Request panel. */
export function TabBarSlot() {
  return (
    <TabBar
      fallback={
        <div className="tab-bar" aria-hidden="true">
          <div className="tab-list">
            <button type="button" className="tab" tabIndex={-1} disabled>
              &nbsp;
            </button>
          </div>
        </div>
      }
    />
  );
}
