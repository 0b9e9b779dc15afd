/// What regress needs to know of one commit; copied out of libgit2, so it outlives the repository.
public struct Commit: Hashable, Sendable {
    public let id: ObjectID
    public let parents: [ObjectID]
    /// The first line of the message.
    public let summary: String
    public let authorName: String
    /// Committer time, seconds since 1970.
    public let time: Int64

    public init(id: ObjectID, parents: [ObjectID], summary: String, authorName: String, time: Int64) {
        self.id = id
        self.parents = parents
        self.summary = summary
        self.authorName = authorName
        self.time = time
    }
}
