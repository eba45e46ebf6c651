package dev.mlreadiness.github.queue;

/**
 * One pull request: the unit of "one evaluation at a time". (A repository is in one installation of the app, so
 * the installation is the request's data, not part of the key.)
 *
 * @param repository {@code owner/name}
 * @param number the pull request's number
 */
public record PullRequestKey(String repository, int number) {

    @Override
    public String toString() {
        return repository + "#" + number;
    }
}
