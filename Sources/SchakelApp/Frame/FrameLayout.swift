import TerminalKit

/// Where the parts of the main screen go. Shared by the views and the reducer (which needs to
/// know how many rows a page is).
public struct FrameLayout: Hashable, Sendable {
    /// Below this the screen shows "venster te klein" instead of a broken frame.
    public static let minimumSize = Size(width: 60, height: 16)

    public let header: Rect
    public let tabs: Rect
    public let pane: Rect
    public let status: Rect

    public init(size: Size) {
        let all = Rect(size: size)
        let (header, belowHeader) = all.splitTop(1)
        let (tabs, belowTabs) = belowHeader.splitTop(1)
        let (pane, status) = belowTabs.splitBottom(1)
        self.header = header
        self.tabs = tabs
        self.pane = pane
        self.status = status
    }

    public static func isLargeEnough(_ size: Size) -> Bool {
        size.width >= minimumSize.width && size.height >= minimumSize.height
    }

    /// Rows of the inbox list below its column titles.
    public var inboxVisibleRows: Int { max(1, pane.height - 1) }
}
