-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)
--
-- Synthetic phpBB 3.3 forum for Safeguard's mapping tests: invented people, ordinary chatter.
-- Tables are cut down to the columns the mapping reads plus neighbours, in phpBB 3.3's
-- order (phpBB/install/schemas/schema.json and the 3.1-3.3 migrations): the contact
-- fields left phpbb_users for phpbb_profile_fields_data, posts are s9e XML, hashes bcrypt.

/*!40101 SET NAMES utf8mb4 */;

DROP TABLE IF EXISTS `phpbb_groups`;
CREATE TABLE `phpbb_groups` (
  `group_id` mediumint unsigned NOT NULL AUTO_INCREMENT,
  `group_type` tinyint NOT NULL DEFAULT '1',
  `group_name` varchar(255) COLLATE utf8mb3_bin NOT NULL DEFAULT '',
  PRIMARY KEY (`group_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_bin;
LOCK TABLES `phpbb_groups` WRITE;
INSERT INTO `phpbb_groups` VALUES (2,3,'REGISTERED'),(5,3,'ADMINISTRATORS');
UNLOCK TABLES;

DROP TABLE IF EXISTS `phpbb_posts`;
CREATE TABLE `phpbb_posts` (
  `post_id` int unsigned NOT NULL AUTO_INCREMENT,
  `topic_id` int unsigned NOT NULL DEFAULT '0',
  `forum_id` mediumint unsigned NOT NULL DEFAULT '0',
  `poster_id` int unsigned NOT NULL DEFAULT '0',
  `poster_ip` varchar(40) COLLATE utf8mb3_bin NOT NULL DEFAULT '',
  `post_time` int unsigned NOT NULL DEFAULT '0',
  `post_username` varchar(255) COLLATE utf8mb3_bin NOT NULL DEFAULT '',
  `post_subject` varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL DEFAULT '',
  `post_text` mediumtext COLLATE utf8mb3_bin NOT NULL,
  `post_edit_time` int unsigned NOT NULL DEFAULT '0',
  PRIMARY KEY (`post_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_bin;
LOCK TABLES `phpbb_posts` WRITE;
INSERT INTO `phpbb_posts` VALUES (1,1,2,2,'2a02:810d:4b3f::1',1577836800,'','Bike repair','<r><B><s>[b]</s>Chain<e>[/b]</e></B> slipped again &amp; the gears click</r>',0),(2,1,2,3,'84.104.105.39',1577840400,'','Re: Bike repair','<t>Try a new chain, it\'s cheap</t>',0);
UNLOCK TABLES;

DROP TABLE IF EXISTS `phpbb_privmsgs`;
CREATE TABLE `phpbb_privmsgs` (
  `msg_id` int unsigned NOT NULL AUTO_INCREMENT,
  `root_level` mediumint unsigned NOT NULL DEFAULT '0',
  `author_id` int unsigned NOT NULL DEFAULT '0',
  `author_ip` varchar(40) COLLATE utf8mb3_bin NOT NULL DEFAULT '',
  `message_time` int unsigned NOT NULL DEFAULT '0',
  `message_subject` varchar(255) COLLATE utf8mb3_bin NOT NULL DEFAULT '',
  `message_text` mediumtext COLLATE utf8mb3_bin NOT NULL,
  `to_address` text COLLATE utf8mb3_bin NOT NULL,
  `bcc_address` text COLLATE utf8mb3_bin NOT NULL,
  PRIMARY KEY (`msg_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_bin;
LOCK TABLES `phpbb_privmsgs` WRITE;
INSERT INTO `phpbb_privmsgs` VALUES (1,0,3,'84.104.105.39',1577844000,'chain','<t>which brand?</t>','u_2','');
UNLOCK TABLES;

DROP TABLE IF EXISTS `phpbb_privmsgs_to`;
CREATE TABLE `phpbb_privmsgs_to` (
  `msg_id` int unsigned NOT NULL DEFAULT '0',
  `user_id` int unsigned NOT NULL DEFAULT '0',
  `author_id` int unsigned NOT NULL DEFAULT '0',
  `folder_id` int NOT NULL DEFAULT '0'
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_bin;
LOCK TABLES `phpbb_privmsgs_to` WRITE;
INSERT INTO `phpbb_privmsgs_to` VALUES (1,2,3,0),(1,3,3,-1);
UNLOCK TABLES;

DROP TABLE IF EXISTS `phpbb_profile_fields_data`;
CREATE TABLE `phpbb_profile_fields_data` (
  `user_id` int unsigned NOT NULL DEFAULT '0',
  `pf_phpbb_interests` mediumtext COLLATE utf8mb3_bin NOT NULL,
  `pf_phpbb_occupation` mediumtext COLLATE utf8mb3_bin NOT NULL,
  `pf_phpbb_location` varchar(255) COLLATE utf8mb3_bin NOT NULL DEFAULT '',
  `pf_phpbb_youtube` varchar(255) COLLATE utf8mb3_bin NOT NULL DEFAULT '',
  `pf_phpbb_twitter` varchar(255) COLLATE utf8mb3_bin NOT NULL DEFAULT '',
  `pf_phpbb_facebook` varchar(255) COLLATE utf8mb3_bin NOT NULL DEFAULT '',
  `pf_phpbb_skype` varchar(255) COLLATE utf8mb3_bin NOT NULL DEFAULT '',
  `pf_phpbb_website` varchar(255) COLLATE utf8mb3_bin NOT NULL DEFAULT '',
  `pf_phpbb_icq` varchar(255) COLLATE utf8mb3_bin NOT NULL DEFAULT '',
  `pf_phpbb_yahoo` varchar(255) COLLATE utf8mb3_bin NOT NULL DEFAULT '',
  PRIMARY KEY (`user_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_bin;
LOCK TABLES `phpbb_profile_fields_data` WRITE;
INSERT INTO `phpbb_profile_fields_data` VALUES (2,'cycling','mechanic','Utrecht','','','','live:bike_fixer_22','https://example.org/bikes','612345678',''),(3,'','','','','','','','','','');
UNLOCK TABLES;

DROP TABLE IF EXISTS `phpbb_topics`;
CREATE TABLE `phpbb_topics` (
  `topic_id` int unsigned NOT NULL AUTO_INCREMENT,
  `forum_id` mediumint unsigned NOT NULL DEFAULT '0',
  `topic_title` varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL DEFAULT '',
  PRIMARY KEY (`topic_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_bin;
LOCK TABLES `phpbb_topics` WRITE;
INSERT INTO `phpbb_topics` VALUES (1,2,'Bike repair');
UNLOCK TABLES;

DROP TABLE IF EXISTS `phpbb_users`;
CREATE TABLE `phpbb_users` (
  `user_id` int unsigned NOT NULL AUTO_INCREMENT,
  `user_type` tinyint NOT NULL DEFAULT '0',
  `group_id` mediumint unsigned NOT NULL DEFAULT '3',
  `user_ip` varchar(40) COLLATE utf8mb3_bin NOT NULL DEFAULT '',
  `user_regdate` int unsigned NOT NULL DEFAULT '0',
  `username` varchar(255) COLLATE utf8mb3_bin NOT NULL DEFAULT '',
  `username_clean` varchar(255) COLLATE utf8mb3_bin NOT NULL DEFAULT '',
  `user_password` varchar(255) COLLATE utf8mb3_bin NOT NULL DEFAULT '',
  `user_email` varchar(100) COLLATE utf8mb3_bin NOT NULL DEFAULT '',
  `user_birthday` varchar(10) COLLATE utf8mb3_bin NOT NULL DEFAULT '',
  `user_lastvisit` int unsigned NOT NULL DEFAULT '0',
  `user_last_active` int unsigned NOT NULL DEFAULT '0',
  `user_timezone` varchar(100) COLLATE utf8mb3_bin NOT NULL DEFAULT '',
  `user_sig` mediumtext COLLATE utf8mb3_bin NOT NULL,
  `user_jabber` varchar(255) COLLATE utf8mb3_bin NOT NULL DEFAULT '',
  PRIMARY KEY (`user_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_bin;
LOCK TABLES `phpbb_users` WRITE;
INSERT INTO `phpbb_users` VALUES (1,2,1,'',1577836000,'Anonymous','anonymous','','','',0,0,'','',''),(2,3,5,'2a02:810d:4b3f::1',1577836100,'bike_fixer','bike_fixer','$2y$10$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234','fixer@gmx.de','',1577900000,1577950000,'Europe/Amsterdam','<t>ride safe</t>',''),(3,0,2,'84.104.105.39',1577836200,'wheelie','wheelie','$argon2id$v=19$m=65536,t=4,p=2$c2FsdA$aGFzaA','wheelie@ziggo.nl','',1577850000,0,'UTC','','wheelie@jabber.example');
UNLOCK TABLES;
-- Dump completed on 2020-01-02 12:00:00
