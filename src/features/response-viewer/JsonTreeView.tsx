import { useVirtualizer } from '@tanstack/react-virtual';
import {
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import { CopyButton } from '../../components/ui/CopyButton';
import {
  containersIn,
  isContainer,
  leafText,
  MAX_MATCHES,
  nodeKind,
  nodePath,
  revealNode,
  searchTreeSteps,
  visibleNodes,
  type JsonTree,
} from './jsonTree';
import { SearchBox } from './SearchBox';
import { useSearch } from './useSearch';

/** Every row is this tall (CSS .json-row): the virtualizer places rows without measuring them. */
const ROW_HEIGHT = 20;
/** Deeper levels are indented as this one, so a deep value is still on screen. */
const MAX_INDENT = 40;
/** A longer value is cut on its row (Raw and Copy give it whole): one row, one line. */
const MAX_LEAF_CHARS = 400;

function shortLeaf(tree: JsonTree, node: number): string {
  const text = leafText(tree, node);
  return text.length > MAX_LEAF_CHARS ? `${text.slice(0, MAX_LEAF_CHARS)}…` : text;
}

/** The row of `node` among the shown nodes (they are in document order), or the one before it. */
function rowOf(rows: Int32Array, node: number): number {
  let low = 0;
  let high = rows.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (rows[middle]! <= node) low = middle;
    else high = middle - 1;
  }
  return low;
}

function summary(tree: JsonTree, node: number): string {
  const count = tree.childCount[node]!;
  return nodeKind(tree, node) === 'object'
    ? `{${count} ${count === 1 ? 'key' : 'keys'}}`
    : `[${count} ${count === 1 ? 'item' : 'items'}]`;
}

/**
 * JSON as a tree (the ARIA tree pattern: one Tab stop, arrows move and open, the selected node
 * announced through aria-activedescendant). Only the rows in view are in the page, so a 10 MiB
 * body costs what a small one does once its tree is built.
 */
export function JsonTreeView({ tree }: { tree: JsonTree }) {
  const id = useId();
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(() => new Set());
  const find = useCallback((query: string) => searchTreeSteps(tree, query), [tree]);
  const search = useSearch(find);
  const { currentMatch } = search;
  // The current match is shown even inside collapsed nodes, until the user folds it away again.
  const [dismissed, setDismissed] = useState<number>();
  const shownCollapsed = useMemo(
    () =>
      currentMatch !== undefined && currentMatch !== dismissed
        ? revealNode(tree, collapsed, currentMatch)
        : collapsed,
    [tree, collapsed, currentMatch, dismissed],
  );
  const rows = useMemo(() => visibleNodes(tree, shownCollapsed), [tree, shownCollapsed]);
  // The selected node: the one the user chose, or the current match once the search moves.
  const [chosen, setChosen] = useState<{ node: number; match: number | undefined }>({
    node: 0,
    match: undefined,
  });
  const active =
    currentMatch === undefined || chosen.match === currentMatch ? chosen.node : currentMatch;
  const matchSet = useMemo(() => new Set(search.matches), [search.matches]);

  const scrollRef = useRef<HTMLDivElement>(null);
  // The page is not built with the React Compiler, and the virtualizer re-renders its component.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  useEffect(() => {
    if (currentMatch !== undefined) {
      virtualizer.scrollToIndex(rowOf(rows, currentMatch), { align: 'center' });
    }
    // Only when the match changes: scrolling by hand afterwards is left alone.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [currentMatch]);

  const choose = (node: number) => {
    setChosen({ node, match: currentMatch });
    virtualizer.scrollToIndex(rowOf(rows, node));
  };
  const setOpen = (node: number, open: boolean) => {
    if (!isContainer(tree, node) || tree.childCount[node] === 0) return;
    const next = new Set(shownCollapsed);
    if (open) next.delete(node);
    else next.add(node);
    setCollapsed(next);
    setDismissed(currentMatch);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const row = rowOf(rows, active);
    const open = isContainer(tree, active) && tree.childCount[active]! > 0;
    const isOpen = open && !shownCollapsed.has(active);
    let handled = true;
    switch (event.key) {
      case 'ArrowDown':
        choose(rows[Math.min(row + 1, rows.length - 1)]!);
        break;
      case 'ArrowUp':
        choose(rows[Math.max(row - 1, 0)]!);
        break;
      case 'Home':
        choose(rows[0]!);
        break;
      case 'End':
        choose(rows[rows.length - 1]!);
        break;
      case 'ArrowRight':
        if (open && !isOpen) setOpen(active, true);
        else if (isOpen) choose(active + 1);
        break;
      case 'ArrowLeft':
        if (isOpen) setOpen(active, false);
        else if (tree.parent[active]! >= 0) choose(tree.parent[active]!);
        break;
      case 'Enter':
      case ' ':
        setOpen(active, !isOpen);
        break;
      default:
        handled = false;
    }
    if (handled) event.preventDefault();
  };

  const items = virtualizer.getVirtualItems();
  const activeShown = items.some((item) => rows[item.index] === active);
  const path = nodePath(tree, active);

  return (
    <div className="json-view">
      <div className="viewer-toolbar">
        <SearchBox
          label="Search the JSON"
          query={search.query}
          onQuery={search.setQuery}
          matches={search.matches.length}
          current={search.current}
          capped={search.matches.length >= MAX_MATCHES}
          onMove={search.move}
        />
        <button type="button" className="small-button" onClick={() => setCollapsed(new Set())}>
          Expand all
        </button>
        <button
          type="button"
          className="small-button"
          onClick={() => {
            setCollapsed(containersIn(tree));
            setDismissed(currentMatch);
            setChosen({ node: 0, match: currentMatch });
          }}
        >
          Collapse all
        </button>
      </div>
      <div className="json-path">
        <label htmlFor={`${id}-path`}>Selected path</label>
        <input
          id={`${id}-path`}
          className="json-path-text"
          readOnly
          value={path}
          spellCheck={false}
          size={Math.min(Math.max(path.length, 8), 60)}
        />
        <CopyButton text={path} what="of the selected value">
          Copy path
        </CopyButton>
      </div>
      <div
        ref={scrollRef}
        className="viewer-scroll"
        role="tree"
        aria-label="JSON tree"
        tabIndex={0}
        aria-activedescendant={activeShown ? `${id}-${active}` : undefined}
        onKeyDown={onKeyDown}
      >
        <div role="none" className="viewer-rows" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const node = rows[item.index]!;
            const container = isContainer(tree, node);
            const openable = container && tree.childCount[node]! > 0;
            const isCollapsed = shownCollapsed.has(node);
            const name = tree.key[node];
            const parent = tree.parent[node]!;
            const classes = ['json-row'];
            if (node === active) classes.push('json-active');
            if (matchSet.has(node))
              classes.push(node === currentMatch ? 'json-current-match' : 'json-match');
            return (
              <div
                key={node}
                id={`${id}-${node}`}
                role="treeitem"
                aria-level={tree.depth[node]! + 1}
                aria-setsize={parent < 0 ? 1 : tree.childCount[parent]}
                aria-posinset={tree.position[node]! + 1}
                aria-selected={node === active}
                aria-expanded={openable ? !isCollapsed : undefined}
                className={classes.join(' ')}
                style={{
                  transform: `translateY(${item.start}px)`,
                  paddingLeft: `${Math.min(tree.depth[node]!, MAX_INDENT) * 1.25 + 0.25}em`,
                }}
                onClick={() => {
                  setChosen({ node, match: currentMatch });
                  scrollRef.current?.focus({ preventScroll: true });
                }}
              >
                <span
                  className="json-caret"
                  aria-hidden="true"
                  onClick={(event) => {
                    event.stopPropagation();
                    setChosen({ node, match: currentMatch });
                    setOpen(node, isCollapsed);
                  }}
                >
                  {openable ? (isCollapsed ? '▸' : '▾') : ''}
                </span>
                {parent >= 0 && (
                  <span className={name === undefined ? 'json-index' : 'json-key'}>
                    {name ?? tree.position[node]}
                    <span className="json-colon">: </span>
                  </span>
                )}
                {container ? (
                  <span className="json-summary">{summary(tree, node)}</span>
                ) : (
                  <span className={`json-${nodeKind(tree, node)}`}>{shortLeaf(tree, node)}</span>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
