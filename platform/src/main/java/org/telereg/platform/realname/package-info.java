/**
 * Phone-user real-name registration (电话用户实名制): operators' subscriber snapshots, kept with
 * keyed hashes and masked forms only, the one-ID-many-cards counts over the per-operator cap, the
 * operators' monthly statistics, store inspections and the outlets worth inspecting.
 */
@org.springframework.modulith.ApplicationModule(displayName = "电话用户实名制 realname")
package org.telereg.platform.realname;
