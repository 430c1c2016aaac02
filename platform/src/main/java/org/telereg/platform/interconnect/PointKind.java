package org.telereg.platform.interconnect;

/** What kind of place operators interconnect at. */
public enum PointKind {
    /** 骨干网直联点: a backbone direct-connection point set up by the ministry. */
    BACKBONE_POINT,
    /** 互联网交换中心: an internet exchange centre open to many networks. */
    EXCHANGE_CENTRE
}
