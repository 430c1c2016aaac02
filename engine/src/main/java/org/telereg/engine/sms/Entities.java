package org.telereg.engine.sms;

import java.util.List;

/**
 * The contact points a message carries, as written in its original text: where a spammer wants the reader to
 * go. Full-width digits, Chinese numerals and circled digits are read as digits, and zero-width characters are
 * ignored, so {@code １３８0013８000} and {@code 壹叁捌…} are found too.
 *
 * @param urls web addresses, with or without a scheme ({@code http://a.cn/x}, {@code www.a.com}, {@code xx.cn/abc})
 * @param phones telephone numbers, digits only: mobile ({@code 13800138000}, a leading {@code +86} removed),
 *     fixed line with area code ({@code 01012345678}) and 400/800 service numbers ({@code 4001234567})
 * @param qqNumbers QQ numbers after a cue such as {@code QQ}, {@code 扣扣} or {@code 企鹅}
 * @param wechatIds WeChat ids (or the mobile number used as one) after a cue such as {@code 微信}, {@code VX},
 *     {@code wx} or {@code 加V}
 * @param senderPorts SMS access codes: {@code 106} followed by 5 to 17 digits
 */
public record Entities(
        List<String> urls,
        List<String> phones,
        List<String> qqNumbers,
        List<String> wechatIds,
        List<String> senderPorts) {

    /** No entities. */
    public static final Entities NONE = new Entities(List.of(), List.of(), List.of(), List.of(), List.of());

    public Entities {
        urls = List.copyOf(urls);
        phones = List.copyOf(phones);
        qqNumbers = List.copyOf(qqNumbers);
        wechatIds = List.copyOf(wechatIds);
        senderPorts = List.copyOf(senderPorts);
    }

    /** The entities found in {@code text}, each list in order of first appearance and without repeats. */
    public static Entities extract(CharSequence text) {
        return EntityScanner.scan(text);
    }

    /** Whether nothing was found. */
    public boolean isEmpty() {
        return urls.isEmpty()
                && phones.isEmpty()
                && qqNumbers.isEmpty()
                && wechatIds.isEmpty()
                && senderPorts.isEmpty();
    }
}
