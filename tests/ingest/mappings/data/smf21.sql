-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)
--
-- Host: localhost    Database: smf
-- ------------------------------------------------------
-- Server version	8.0.36
-- Synthetic SMF 2.1 forum for Safeguard's mapping tests: invented people, ordinary chatter.

/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!40101 SET NAMES utf8mb4 */;
/*!40103 SET TIME_ZONE='+00:00' */;

DROP TABLE IF EXISTS `smf_ban_items`;
CREATE TABLE `smf_ban_items` (
  `id_ban` mediumint unsigned NOT NULL AUTO_INCREMENT,
  `id_ban_group` smallint unsigned NOT NULL DEFAULT '0',
  `ip_low` varbinary(16) DEFAULT NULL,
  `ip_high` varbinary(16) DEFAULT NULL,
  `hostname` varchar(255) NOT NULL DEFAULT '',
  `email_address` varchar(255) NOT NULL DEFAULT '',
  `id_member` mediumint unsigned NOT NULL DEFAULT '0',
  `hits` mediumint unsigned NOT NULL DEFAULT '0',
  PRIMARY KEY (`id_ban`),
  KEY `id_ban_group` (`id_ban_group`)
) ENGINE=InnoDB AUTO_INCREMENT=2 DEFAULT CHARSET=utf8mb3;

LOCK TABLES `smf_ban_items` WRITE;
/*!40000 ALTER TABLE `smf_ban_items` DISABLE KEYS */;
INSERT INTO `smf_ban_items` VALUES (1,1,NULL,NULL,'','',4,3);
/*!40000 ALTER TABLE `smf_ban_items` ENABLE KEYS */;
UNLOCK TABLES;

DROP TABLE IF EXISTS `smf_boards`;
CREATE TABLE `smf_boards` (
  `id_board` smallint unsigned NOT NULL AUTO_INCREMENT,
  `id_cat` tinyint unsigned NOT NULL DEFAULT '0',
  `child_level` tinyint unsigned NOT NULL DEFAULT '0',
  `id_parent` smallint unsigned NOT NULL DEFAULT '0',
  `board_order` smallint NOT NULL DEFAULT '0',
  `id_last_msg` int unsigned NOT NULL DEFAULT '0',
  `id_msg_updated` int unsigned NOT NULL DEFAULT '0',
  `member_groups` varchar(255) NOT NULL DEFAULT '-1,0',
  `id_profile` smallint unsigned NOT NULL DEFAULT '1',
  `name` varchar(255) NOT NULL DEFAULT '',
  `description` text NOT NULL,
  `num_topics` mediumint unsigned NOT NULL DEFAULT '0',
  `num_posts` mediumint unsigned NOT NULL DEFAULT '0',
  `count_posts` tinyint NOT NULL DEFAULT '0',
  `id_theme` tinyint unsigned NOT NULL DEFAULT '0',
  `override_theme` tinyint unsigned NOT NULL DEFAULT '0',
  `unapproved_posts` smallint NOT NULL DEFAULT '0',
  `unapproved_topics` smallint NOT NULL DEFAULT '0',
  `redirect` varchar(255) NOT NULL DEFAULT '',
  `deny_member_groups` varchar(255) NOT NULL DEFAULT '',
  PRIMARY KEY (`id_board`)
) ENGINE=InnoDB AUTO_INCREMENT=2 DEFAULT CHARSET=utf8mb3;

LOCK TABLES `smf_boards` WRITE;
INSERT INTO `smf_boards` VALUES (1,1,0,0,1,4,4,'-1,0,2',1,'General Discussion','Chat about anything.',2,4,0,0,0,0,0,'','');
UNLOCK TABLES;

DROP TABLE IF EXISTS `smf_membergroups`;
CREATE TABLE `smf_membergroups` (
  `id_group` smallint unsigned NOT NULL AUTO_INCREMENT,
  `group_name` varchar(80) NOT NULL DEFAULT '',
  `description` text NOT NULL,
  `online_color` varchar(20) NOT NULL DEFAULT '',
  `min_posts` mediumint NOT NULL DEFAULT '-1',
  `max_messages` smallint unsigned NOT NULL DEFAULT '0',
  `icons` varchar(255) NOT NULL DEFAULT '',
  `group_type` tinyint NOT NULL DEFAULT '0',
  `hidden` tinyint NOT NULL DEFAULT '0',
  `id_parent` smallint NOT NULL DEFAULT '-2',
  `tfa_required` tinyint NOT NULL DEFAULT '0',
  PRIMARY KEY (`id_group`)
) ENGINE=InnoDB AUTO_INCREMENT=5 DEFAULT CHARSET=utf8mb3;

LOCK TABLES `smf_membergroups` WRITE;
INSERT INTO `smf_membergroups` VALUES (1,'Administrator','','#FF0000',-1,0,'5#iconadmin.png',1,0,-2,0),(2,'Global Moderator','','#0000FF',-1,0,'5#icongmod.png',0,0,-2,0),(3,'Moderator','','',-1,0,'5#iconmod.png',0,0,-2,0),(4,'Newbie','','',0,0,'1#icon.png',0,0,-2,0);
UNLOCK TABLES;

DROP TABLE IF EXISTS `smf_members`;
CREATE TABLE `smf_members` (
  `id_member` mediumint unsigned NOT NULL AUTO_INCREMENT,
  `member_name` varchar(80) NOT NULL DEFAULT '',
  `date_registered` int unsigned NOT NULL DEFAULT '0',
  `posts` mediumint unsigned NOT NULL DEFAULT '0',
  `id_group` smallint unsigned NOT NULL DEFAULT '0',
  `lngfile` varchar(255) NOT NULL DEFAULT '',
  `last_login` int unsigned NOT NULL DEFAULT '0',
  `real_name` varchar(255) NOT NULL DEFAULT '',
  `instant_messages` smallint NOT NULL DEFAULT '0',
  `unread_messages` smallint NOT NULL DEFAULT '0',
  `new_pm` tinyint unsigned NOT NULL DEFAULT '0',
  `alerts` int unsigned NOT NULL DEFAULT '0',
  `buddy_list` text NOT NULL,
  `pm_ignore_list` text,
  `pm_prefs` mediumint NOT NULL DEFAULT '0',
  `mod_prefs` varchar(20) NOT NULL DEFAULT '',
  `passwd` varchar(64) NOT NULL DEFAULT '',
  `email_address` varchar(255) NOT NULL DEFAULT '',
  `personal_text` varchar(255) NOT NULL DEFAULT '',
  `birthdate` date NOT NULL DEFAULT '1004-01-01',
  `website_title` varchar(255) NOT NULL DEFAULT '',
  `website_url` varchar(255) NOT NULL DEFAULT '',
  `show_online` tinyint NOT NULL DEFAULT '1',
  `time_format` varchar(80) NOT NULL DEFAULT '',
  `signature` text NOT NULL,
  `time_offset` float NOT NULL DEFAULT '0',
  `avatar` varchar(255) NOT NULL DEFAULT '',
  `usertitle` varchar(255) NOT NULL DEFAULT '',
  `member_ip` varbinary(16) DEFAULT NULL,
  `member_ip2` varbinary(16) DEFAULT NULL,
  `secret_question` varchar(255) NOT NULL DEFAULT '',
  `secret_answer` varchar(64) NOT NULL DEFAULT '',
  `id_theme` tinyint unsigned NOT NULL DEFAULT '0',
  `is_activated` tinyint unsigned NOT NULL DEFAULT '1',
  `validation_code` varchar(10) NOT NULL DEFAULT '',
  `id_msg_last_visit` int unsigned NOT NULL DEFAULT '0',
  `additional_groups` varchar(255) NOT NULL DEFAULT '',
  `smiley_set` varchar(48) NOT NULL DEFAULT '',
  `id_post_group` smallint unsigned NOT NULL DEFAULT '0',
  `total_time_logged_in` int unsigned NOT NULL DEFAULT '0',
  `password_salt` varchar(255) NOT NULL DEFAULT '',
  `ignore_boards` text NOT NULL,
  `warning` tinyint NOT NULL DEFAULT '0',
  `passwd_flood` varchar(12) NOT NULL DEFAULT '',
  `pm_receive_from` tinyint unsigned NOT NULL DEFAULT '1',
  `timezone` varchar(80) NOT NULL DEFAULT '',
  `tfa_secret` varchar(24) NOT NULL DEFAULT '',
  `tfa_backup` varchar(64) NOT NULL DEFAULT '',
  PRIMARY KEY (`id_member`),
  KEY `member_name` (`member_name`)
) ENGINE=InnoDB AUTO_INCREMENT=5 DEFAULT CHARSET=utf8mb3;

LOCK TABLES `smf_members` WRITE;
/*!40000 ALTER TABLE `smf_members` DISABLE KEYS */;
INSERT INTO `smf_members` VALUES (1,'admin_anna',1262304000,2,1,'english',1293840000,'Anna A.',0,0,0,0,'',NULL,0,'','$2y$10$Vm9vbGZvcmV4YW1wbGVzYuQ9qkZ3l1k2T5c7b0pW8oE6sYxRrN3mO','anna.smf@gmail.com','','1985-04-12','','https://example.org/anna',1,'','[b]Board admin[/b]<br />Be nice',0,'','',0xC6336407,NULL,'','',1,1,'',0,'','',0,0,'a1b2','',0,'',1,'Europe/Amsterdam','',''),(2,'mod_o\'brien',1262390400,1,2,'english',1293926400,'Owen \"Obi\" O\'Brien',0,0,0,0,'',NULL,0,'','$2y$10$T2Jyb2llbnNhbHRzYWx0c.8l3Qf0bq9z8c7x6w5v4u3t2s1r0q9p8','ob@web.de','','1004-01-01','','',1,'','',0,'','',0x20010DB8000000000000000000000017,0xC0000205,'','',1,1,'',0,'4','',0,0,'c3d4','',0,'',1,'Europe/Berlin','',''),(3,'quiet_member 🙂',1262476800,1,0,'english',1294012800,'Q',0,0,0,0,'',NULL,0,'','$2y$10$UXVpZXRtZW1iZXJzYWx0cuqkmU1Vh3b2c1d0e9f8g7h6i5j4k3l2m','q@libero.it','','1004-01-01','','',1,'','',0,'','',_binary 'Thi\'',NULL,'','',1,1,'',0,'','',4,0,'e5f6','',0,'',1,'','',''),(4,'\'); DROP TABLE x;--',1262563200,0,0,'english',0,'\'); DROP TABLE x;--',0,0,0,0,'',NULL,0,'','','','','1004-01-01','','',1,'','',0,'','',NULL,NULL,'','',1,11,'',0,'','',0,0,'','',0,'',1,'','','');
/*!40000 ALTER TABLE `smf_members` ENABLE KEYS */;
UNLOCK TABLES;

DROP TABLE IF EXISTS `smf_member_logins`;
CREATE TABLE `smf_member_logins` (
  `id_login` int NOT NULL AUTO_INCREMENT,
  `id_member` mediumint NOT NULL DEFAULT '0',
  `time` int NOT NULL DEFAULT '0',
  `ip` varbinary(16) DEFAULT NULL,
  `ip2` varbinary(16) DEFAULT NULL,
  PRIMARY KEY (`id_login`)
) ENGINE=InnoDB AUTO_INCREMENT=3 DEFAULT CHARSET=utf8mb3;

LOCK TABLES `smf_member_logins` WRITE;
INSERT INTO `smf_member_logins` VALUES (1,1,1293840000,0xC6336407,0xC6336407),(2,2,1293926400,0x20010DB8000000000000000000000017,0xC0000205);
UNLOCK TABLES;

DROP TABLE IF EXISTS `smf_log_online`;
CREATE TABLE `smf_log_online` (
  `session` varchar(128) NOT NULL DEFAULT '',
  `log_time` int NOT NULL DEFAULT '0',
  `id_member` mediumint unsigned NOT NULL DEFAULT '0',
  `id_spider` smallint unsigned NOT NULL DEFAULT '0',
  `ip` varbinary(16) DEFAULT NULL,
  `url` varchar(2048) NOT NULL DEFAULT '',
  PRIMARY KEY (`session`)
) ENGINE=MEMORY DEFAULT CHARSET=utf8mb3;

LOCK TABLES `smf_log_online` WRITE;
INSERT INTO `smf_log_online` VALUES ('3f2a9c0e1b',1293840500,1,0,0xC6336407,'{\"action\":\"forum\",\"USER_AGENT\":\"Mozilla\\/5.0 (X11; Linux x86_64; rv:115.0) Gecko\\/20100101 Firefox\\/115.0\"}'),('77c1d0e2aa',1293840600,0,0,0xCB007109,'{\"board\":\"1.0\",\"USER_AGENT\":\"curl\\/8.4.0\"}');
UNLOCK TABLES;

DROP TABLE IF EXISTS `smf_messages`;
CREATE TABLE `smf_messages` (
  `id_msg` int unsigned NOT NULL AUTO_INCREMENT,
  `id_topic` mediumint unsigned NOT NULL DEFAULT '0',
  `id_board` smallint unsigned NOT NULL DEFAULT '0',
  `poster_time` int unsigned NOT NULL DEFAULT '0',
  `id_member` mediumint unsigned NOT NULL DEFAULT '0',
  `id_msg_modified` int unsigned NOT NULL DEFAULT '0',
  `subject` varchar(255) NOT NULL DEFAULT '',
  `poster_name` varchar(255) NOT NULL DEFAULT '',
  `poster_email` varchar(255) NOT NULL DEFAULT '',
  `poster_ip` varbinary(16) DEFAULT NULL,
  `smileys_enabled` tinyint NOT NULL DEFAULT '1',
  `modified_time` int unsigned NOT NULL DEFAULT '0',
  `modified_name` varchar(255) NOT NULL DEFAULT '',
  `modified_reason` varchar(255) NOT NULL DEFAULT '',
  `body` text NOT NULL,
  `icon` varchar(16) NOT NULL DEFAULT 'xx',
  `approved` tinyint NOT NULL DEFAULT '1',
  `likes` smallint unsigned NOT NULL DEFAULT '0',
  PRIMARY KEY (`id_msg`),
  UNIQUE KEY `id_board` (`id_board`,`id_msg`)
) ENGINE=InnoDB AUTO_INCREMENT=5 DEFAULT CHARSET=utf8mb3;

LOCK TABLES `smf_messages` WRITE;
/*!40000 ALTER TABLE `smf_messages` DISABLE KEYS */;
INSERT INTO `smf_messages` VALUES (1,1,1,1262480000,1,1,'Welcome &amp; rules','admin_anna','anna.smf@gmail.com',0xC6336407,1,0,'','','Hello [b]everyone[/b]!<br />Read the [url=https://example.org/faq]FAQ[/url] &amp; enjoy.','xx',1,0),(2,1,1,1262566400,2,2,'Re: Welcome &amp; rules','mod_o\'brien','ob@web.de',0x20010DB8000000000000000000000017,1,1262570000,'mod_o\'brien','typo','I coach the under-12 team on Saturdays \\ it\'s fun 😀','xx',1,0),(3,2,1,1262652800,3,3,'Quotes \"test\"','quiet_member 🙂','q@libero.it',_binary 'Thi\'',1,0,'','','[quote]\'); DROP TABLE x;--[/quote]<br />Just a joke, my cat walked on the keyboard.','xx',1,0),(4,2,1,1262739200,0,4,'Re: Quotes \"test\"','guest_gary','gary@example.net',0xCB007109,1,0,'','','Nice board, [i]thanks[/i]','xx',1,0);
/*!40000 ALTER TABLE `smf_messages` ENABLE KEYS */;
UNLOCK TABLES;

DROP TABLE IF EXISTS `smf_personal_messages`;
CREATE TABLE `smf_personal_messages` (
  `id_pm` int unsigned NOT NULL AUTO_INCREMENT,
  `id_pm_head` int unsigned NOT NULL DEFAULT '0',
  `id_member_from` mediumint unsigned NOT NULL DEFAULT '0',
  `deleted_by_sender` tinyint unsigned NOT NULL DEFAULT '0',
  `from_name` varchar(255) NOT NULL DEFAULT '',
  `msgtime` int unsigned NOT NULL DEFAULT '0',
  `subject` varchar(255) NOT NULL DEFAULT '',
  `body` text NOT NULL,
  PRIMARY KEY (`id_pm`)
) ENGINE=InnoDB AUTO_INCREMENT=4 DEFAULT CHARSET=utf8mb3;

LOCK TABLES `smf_personal_messages` WRITE;
INSERT INTO `smf_personal_messages` VALUES (1,1,1,0,'admin_anna',1262800000,'Moderator meeting','Meeting on [b]Friday[/b]?<br />Bring notes.'),(2,2,3,0,'quiet_member 🙂',1262810000,'Hi','add me on &lt;handle&gt; please'),(3,1,2,0,'mod_o\'brien',1262820000,'Re: Moderator meeting','Friday works \\o/');
UNLOCK TABLES;

DROP TABLE IF EXISTS `smf_pm_recipients`;
CREATE TABLE `smf_pm_recipients` (
  `id_pm` int unsigned NOT NULL DEFAULT '0',
  `id_member` mediumint unsigned NOT NULL DEFAULT '0',
  `bcc` tinyint unsigned NOT NULL DEFAULT '0',
  `is_read` tinyint unsigned NOT NULL DEFAULT '0',
  `is_new` tinyint unsigned NOT NULL DEFAULT '0',
  `deleted` tinyint unsigned NOT NULL DEFAULT '0',
  `in_inbox` tinyint NOT NULL DEFAULT '1',
  PRIMARY KEY (`id_pm`,`id_member`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb3;

LOCK TABLES `smf_pm_recipients` WRITE;
INSERT INTO `smf_pm_recipients` VALUES (1,2,0,1,0,0,1),(1,3,1,0,1,0,1),(2,1,0,1,0,0,1),(3,1,0,0,1,0,1);
UNLOCK TABLES;

DROP TABLE IF EXISTS `smf_themes`;
CREATE TABLE `smf_themes` (
  `id_member` mediumint NOT NULL DEFAULT '0',
  `id_theme` tinyint unsigned NOT NULL DEFAULT '1',
  `variable` varchar(255) NOT NULL DEFAULT '',
  `value` text NOT NULL,
  PRIMARY KEY (`id_theme`,`id_member`,`variable`(30))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb3;

LOCK TABLES `smf_themes` WRITE;
INSERT INTO `smf_themes` VALUES (0,1,'name','Default'),(1,1,'cust_icq','123456789'),(2,1,'cust_loca','Köln'),(2,1,'cust_skype','live:obrien_chat'),(2,2,'cust_loca','ignored theme 2');
UNLOCK TABLES;

DROP TABLE IF EXISTS `smf_topics`;
CREATE TABLE `smf_topics` (
  `id_topic` mediumint unsigned NOT NULL AUTO_INCREMENT,
  `is_sticky` tinyint NOT NULL DEFAULT '0',
  `id_board` smallint unsigned NOT NULL DEFAULT '0',
  `id_first_msg` int unsigned NOT NULL DEFAULT '0',
  `id_last_msg` int unsigned NOT NULL DEFAULT '0',
  `id_member_started` mediumint unsigned NOT NULL DEFAULT '0',
  `id_member_updated` mediumint unsigned NOT NULL DEFAULT '0',
  `id_poll` mediumint unsigned NOT NULL DEFAULT '0',
  `id_previous_board` smallint NOT NULL DEFAULT '0',
  `id_previous_topic` mediumint NOT NULL DEFAULT '0',
  `num_replies` int unsigned NOT NULL DEFAULT '0',
  `num_views` int unsigned NOT NULL DEFAULT '0',
  `locked` tinyint NOT NULL DEFAULT '0',
  `redirect_expires` int unsigned NOT NULL DEFAULT '0',
  `id_redirect_topic` mediumint unsigned NOT NULL DEFAULT '0',
  `unapproved_posts` smallint NOT NULL DEFAULT '0',
  `approved` tinyint NOT NULL DEFAULT '1',
  PRIMARY KEY (`id_topic`)
) ENGINE=InnoDB AUTO_INCREMENT=3 DEFAULT CHARSET=utf8mb3;

LOCK TABLES `smf_topics` WRITE;
INSERT INTO `smf_topics` VALUES (1,1,1,1,2,1,2,0,0,0,1,40,0,0,0,0,1),(2,0,1,3,4,3,0,0,0,0,1,12,0,0,0,0,1);
UNLOCK TABLES;

-- Dump completed on 2011-01-05 10:00:00
