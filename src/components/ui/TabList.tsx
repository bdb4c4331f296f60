import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { tabListTarget } from './tabListKey';

export interface TabItem<Id extends string> {
  id: Id;
  title: ReactNode;
}

interface TabListProps<Id extends string> {
  /** The list's accessible name ("Export formats"). */
  label: string;
  className: string;
  items: ReadonlyArray<TabItem<Id>>;
  selected: Id;
  onSelect: (id: Id) => void;
  /** Each tab's id is `${idPrefix}-tab-${item.id}`, for the panel's aria-labelledby. */
  idPrefix: string;
  /** The id of the one panel the tabs switch. */
  panelId: string;
}

/**
 * A row of tabs that switch one panel, as the ARIA tabs pattern has it: one Tab stop for the
 * list (the selected tab), the arrow keys, Home and End choose a tab and move focus with it.
 */
export function TabList<Id extends string>({
  label,
  className,
  items,
  selected,
  onSelect,
  idPrefix,
  panelId,
}: TabListProps<Id>) {
  const tabs = useRef(new Map<Id, HTMLButtonElement>());
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const target = tabListTarget(event.key, index, items.length);
    if (target === null) return;
    event.preventDefault();
    const id = items[target]!.id;
    onSelect(id);
    tabs.current.get(id)?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className={className}>
      {items.map((item, index) => (
        <button
          key={item.id}
          ref={(element) => {
            if (element) tabs.current.set(item.id, element);
            else tabs.current.delete(item.id);
          }}
          type="button"
          role="tab"
          id={`${idPrefix}-tab-${item.id}`}
          aria-selected={item.id === selected}
          aria-controls={panelId}
          tabIndex={item.id === selected ? 0 : -1}
          className="small-button"
          onClick={() => onSelect(item.id)}
          onKeyDown={(event) => onKeyDown(event, index)}
        >
          {item.title}
        </button>
      ))}
    </div>
  );
}
