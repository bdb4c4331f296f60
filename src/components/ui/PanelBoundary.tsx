import { Component, type ErrorInfo, type ReactNode } from 'react';

interface PanelBoundaryProps {
  name: string;
  children: ReactNode;
}

interface PanelBoundaryState {
  error: Error | null;
}

/**
 * One per panel: a bug in, say, the response view must not take the inputs and the signing
 * steps down with it.
 */
export class PanelBoundary extends Component<PanelBoundaryProps, PanelBoundaryState> {
  override state: PanelBoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): PanelBoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`The ${this.props.name} panel failed:`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (error === null) return this.props.children;
    return (
      <div role="alert" className="panel-error">
        <p>
          <strong>The {this.props.name} panel failed:</strong> {error.message}
        </p>
        <p>
          The rest of the page still works.{' '}
          <button type="button" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
        </p>
      </div>
    );
  }
}
