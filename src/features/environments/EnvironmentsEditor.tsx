import { useState } from 'react';
import type { Environment } from '../../collections/collectionModel';
import { InlineName } from '../../components/ui/InlineName';
import { VariablesTable } from '../../components/ui/VariablesTable';
import { usePlaygroundStore } from '../../store/usePlaygroundStore';
import { EnvironmentProfileSelect } from '../profiles/EnvironmentProfileSelect';

function EnvironmentCard({
  environment,
  expanded,
  onToggle,
}: {
  environment: Environment;
  expanded: boolean;
  onToggle: () => void;
}) {
  const rename = usePlaygroundStore((s) => s.environments.rename);
  const duplicate = usePlaygroundStore((s) => s.environments.duplicate);
  const remove = usePlaygroundStore((s) => s.environments.remove);
  const addVariable = usePlaygroundStore((s) => s.environments.addVariable);
  const updateVariable = usePlaygroundStore((s) => s.environments.updateVariable);
  const removeVariable = usePlaygroundStore((s) => s.environments.removeVariable);
  const isActive = usePlaygroundStore((s) => s.environments.activeId === environment.id);
  const [renaming, setRenaming] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const { id, name, variables } = environment;
  return (
    <section className="environment" aria-label={`Environment ${name}`}>
      <div className="environment-head">
        {renaming ? (
          <InlineName
            editing
            value={name}
            label={`Name of the environment ${name}`}
            onRename={(newName) => rename(id, newName)}
            onDone={() => setRenaming(false)}
          />
        ) : (
          <button
            type="button"
            className="environment-toggle"
            aria-expanded={expanded}
            aria-label={`Variables of ${name}`}
            onClick={onToggle}
          >
            <span aria-hidden="true" className="environment-caret">
              {expanded ? '▾' : '▸'}
            </span>
            <span className="environment-name">{name}</span>
            <span className="muted">
              {variables.length} variable{variables.length === 1 ? '' : 's'}
            </span>
            {isActive && <span className="tag tag-signed">active</span>}
          </button>
        )}
        <div className="step-actions">
          <button
            type="button"
            className="small-button"
            aria-label={`Rename ${name}`}
            onClick={() => setRenaming(true)}
          >
            Rename
          </button>
          <button
            type="button"
            className="small-button"
            aria-label={`Duplicate ${name}`}
            onClick={() => duplicate(id)}
          >
            Duplicate
          </button>
          <button
            type="button"
            className="small-button"
            aria-label={`Delete ${name}`}
            aria-expanded={confirming}
            onClick={() => setConfirming(!confirming)}
          >
            Delete
          </button>
        </div>
      </div>
      {confirming && (
        <div className="warning-box" role="alert">
          <p>Delete the environment “{name}” and its variables?</p>
          <button type="button" className="small-button" onClick={() => remove(id)}>
            Delete {name}
          </button>
          <button type="button" className="small-button" onClick={() => setConfirming(false)}>
            Keep it
          </button>
        </div>
      )}
      {expanded && (
        <EnvironmentProfileSelect
          environmentId={id}
          environmentName={name}
          profile={environment.profile}
        />
      )}
      {expanded && (
        <VariablesTable
          label={`Variables of ${name}`}
          variables={variables}
          onAdd={() => addVariable(id)}
          onChange={(index, changes) => updateVariable(id, index, changes)}
          onRemove={(index) => removeVariable(id, index)}
        />
      )}
    </section>
  );
}

/** The environments, each with its variables: loaded when the panel first opens (EnvironmentsPanel.tsx). */
export function EnvironmentsEditor() {
  const list = usePlaygroundStore((s) => s.environments.list);
  const loading = usePlaygroundStore((s) => s.environments.status === 'loading');
  const create = usePlaygroundStore((s) => s.environments.create);
  const [name, setName] = useState('');
  const [expandedId, setExpandedId] = useState<string | null>(null);
  return (
    <div className="environments">
      <form
        className="new-collection"
        onSubmit={(event) => {
          event.preventDefault();
          const id = create(name);
          setExpandedId(id);
          setName('');
        }}
      >
        <input
          aria-label="New environment name"
          placeholder="New environment name"
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <button type="submit" className="small-button">
          Create environment
        </button>
      </form>
      {loading ? (
        <p className="hint">Loading…</p>
      ) : list.length === 0 ? (
        <p className="hint">
          No environments yet. Variables defined here fill <code>{'{{name}}'}</code> in the request;
          the Environment menu above the request chooses which set applies.
        </p>
      ) : (
        list.map((environment) => (
          <EnvironmentCard
            key={environment.id}
            environment={environment}
            expanded={expandedId === environment.id}
            onToggle={() => setExpandedId(expandedId === environment.id ? null : environment.id)}
          />
        ))
      )}
    </div>
  );
}
