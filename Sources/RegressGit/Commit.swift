/// What regress needs to know of one commit; copied out of libgit2, so it outlives the repository.
public struct Commit: Hashable, Sendable {
    public let id: ObjectID
    public let parents: [ObjectID]
    /// The first line of the message.
    public let summary: String
    public let authorName: String
    /// Committer time, seconds since 1970.
    public let time: Int64
}
