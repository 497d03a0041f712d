//! Workspace.
