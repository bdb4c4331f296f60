import { useState } from 'react';
import type { Collection } from '../../collections/collectionModel';
import { VariablesTable } from '../../components/ui/VariablesTable';
import { collectionActions } from './treeState';

/**
 * A collection's own variables, folded until opened: the defaults `{{name}}` reads for the
 * requests saved in it (the chosen environment's variables of the same name win). Edited as an
 * environment's are; the actions are read when pressed, as the tree's rows do.
 */
export function CollectionVariables({ collection }: { collection: Collection }) {
  const [open, setOpen] = useState(false);
  const { id, name, variables } = collection;
  return (
    <div className="collection-variables">
      <div className="tree-row">
        <button
          type="button"
          className="tree-open"
          aria-expanded={open}
          aria-label={`Variables of ${name}`}
          onClick={() => setOpen(!open)}
        >
          <span aria-hidden="true" className="tree-caret">
            {open ? '▾' : '▸'}
          </span>
          <span className="tree-name">Variables</span>
          <span className="muted collection-count">{variables.length}</span>
        </button>
      </div>
      {open && (
        <div className="collection-variables-editor">
          <p className="hint">
            Defaults for the requests saved here: a variable of the same name in the chosen
            environment wins.
          </p>
          <VariablesTable
            label={`Variables of ${name}`}
            variables={variables}
            onAdd={() => collectionActions().addVariable(id)}
            onChange={(index, changes) => collectionActions().updateVariable(id, index, changes)}
            onRemove={(index) => collectionActions().removeVariable(id, index)}
          />
        </div>
      )}
    </div>
  );
}
