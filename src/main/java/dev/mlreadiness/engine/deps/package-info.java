/**
 * Dependency manifests: what a repository declares and how firmly it pins it.
 *
 * <p>
 * Entry points: {@link dev.mlreadiness.engine.deps.ManifestFiles} and
 * {@link dev.mlreadiness.engine.deps.LockFiles} classify paths; {@link dev.mlreadiness.engine.deps.RequirementsParser},
 * {@link dev.mlreadiness.engine.deps.PyprojectParser}, {@link dev.mlreadiness.engine.deps.PipfileParser} and
 * {@link dev.mlreadiness.engine.deps.EnvironmentYmlParser} read manifests into
 * {@link dev.mlreadiness.engine.deps.Requirement}s, whose {@link dev.mlreadiness.engine.deps.Requirement#pin()}
 * decides {@code reproducibility/unpinned-dependency}; {@link dev.mlreadiness.engine.deps.PythonVersion} serves
 * {@code reproducibility/python-version}; {@link dev.mlreadiness.engine.deps.MlLibraries} serves ML-project
 * detection. Pure Java: no file system, no Quarkus, no GitHub types.
 */
package dev.mlreadiness.engine.deps;
